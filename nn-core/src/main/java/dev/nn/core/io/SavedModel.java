package dev.nn.core.io;

import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import java.util.List;

/**
 * What a model file holds: the network, and the regularization it was trained with.
 *
 * @param network the network
 * @param regularization the penalties used in training; empty if none
 */
public record SavedModel(Network network, List<Regularization> regularization) {

    /** Copies the list. */
    public SavedModel {
        regularization = List.copyOf(regularization);
    }
}
