package dev.nn.monitor;

/**
 * The measurements after one epoch; a metric that was not monitored is NaN.
 *
 * @param epoch the epoch, counted from 1
 * @param trainAccuracy fraction of training examples classified correctly
 * @param testAccuracy fraction of test (or validation) examples classified correctly
 * @param trainCost regularized mean cost on the training data
 * @param testCost regularized mean cost on the test (or validation) data
 */
public record EpochRecord(int epoch, double trainAccuracy, double testAccuracy, double trainCost, double testCost) {
}
