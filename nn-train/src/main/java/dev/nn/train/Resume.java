package dev.nn.train;

import java.util.List;

/**
 * Where a resumed run starts: the point of a {@link Checkpoint}, whose network parameters the
 * caller has already put into the network.
 *
 * @param epochsDone the epochs completed
 * @param batchesDone the mini-batches of the next epoch already trained
 * @param eta the learning rate to go on with
 * @param ruleState the update rule's state rows, in {@link dev.nn.core.network.TrainingStep#ruleState()}'s order
 */
public record Resume(int epochsDone, int batchesDone, double eta, List<double[]> ruleState) {

    /** Copies the list. */
    public Resume {
        ruleState = List.copyOf(ruleState);
    }
}
