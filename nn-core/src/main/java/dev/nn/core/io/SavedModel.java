package dev.nn.core.io;

import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import java.util.List;
import java.util.Objects;

/**
 * What a model file holds: the network (its layers, dropout included), and how it was trained
 * (regularization, update rule). The update rule is kept as its spec ({@code "momentum:mu=0.9"}):
 * a model can be read and evaluated without the plugin that trained it.
 *
 * @param network the network
 * @param regularization the penalties used in training; empty if none
 * @param updateRule the spec of the update rule used in training, such as {@code "sgd"}
 */
public record SavedModel(Network network, List<Regularization> regularization, String updateRule) {

    /** Copies the list and checks the values. */
    public SavedModel {
        regularization = List.copyOf(regularization);
        Objects.requireNonNull(updateRule, "updateRule");
    }

    /** A model trained by plain SGD. */
    public SavedModel(Network network, List<Regularization> regularization) {
        this(network, regularization, "sgd");
    }
}
