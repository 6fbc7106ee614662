package dev.nn.train.event;

import dev.nn.core.network.Network;
import dev.nn.train.TrainingConfig;

/**
 * Training is about to begin.
 *
 * @param config the configuration
 * @param network the network being trained (changes as training goes on)
 * @param trainingSize the number of training examples, the {@code n} of the penalties
 * @param batchesPerEpoch mini-batches in every epoch
 */
public record TrainingStarted(TrainingConfig config, Network network, int trainingSize, int batchesPerEpoch) {
}
