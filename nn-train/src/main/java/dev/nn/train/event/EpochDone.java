package dev.nn.train.event;

import dev.nn.core.network.Network;
import java.time.Duration;

/**
 * An epoch's last update has been applied.
 *
 * @param epoch the epoch, counted from 1
 * @param eta the learning rate this epoch used
 * @param network the network after the epoch (live: do not keep it beyond the call, copy it)
 * @param trainingTime the time spent in this epoch's mini-batches
 */
public record EpochDone(int epoch, double eta, Network network, Duration trainingTime) {
}
