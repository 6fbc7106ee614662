package dev.nn.train;

import dev.nn.core.network.Network;
import java.util.List;

/**
 * Where a run stands, as {@link Checkpoints#save} receives it: enough, with the run's
 * configuration and history, to continue it bit for bit.
 *
 * @param epochsDone the epochs completed
 * @param batchesDone the mini-batches of the next epoch already trained (0 at an epoch's end)
 * @param eta the learning rate to go on with
 * @param network the network, live: copy what is kept
 * @param ruleState the update rule's state rows, live ({@link dev.nn.core.network.TrainingStep#ruleState()})
 */
public record Checkpoint(int epochsDone, int batchesDone, double eta, Network network, List<double[]> ruleState) {

    /**
     * Says where a run stands, as every message about stopping and resuming says it: "after epoch
     * 24", or "after epoch 24 and 3063 mini-batches of epoch 25".
     */
    public static String position(int epochsDone, int batchesDone) {
        return "after epoch " + epochsDone + (batchesDone > 0 ? " and " + batchesDone + " mini-batch"
                + (batchesDone == 1 ? "" : "es") + " of epoch " + (epochsDone + 1) : "");
    }
}
