package dev.nn.train.event;

/**
 * An epoch begins; its training data has just been shuffled.
 *
 * @param epoch the epoch, counted from 1
 * @param eta the learning rate used throughout this epoch
 */
public record EpochStarted(int epoch, double eta) {
}
