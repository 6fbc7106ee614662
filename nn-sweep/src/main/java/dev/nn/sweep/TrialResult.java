package dev.nn.sweep;

import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import dev.nn.monitor.SpikeDetector;

/**
 * What a trial gave, as {@code results.csv} has it; NaN where not measured or failed.
 *
 * @param trial the trial's name
 * @param status {@code ok} or {@code failed}
 * @param reason why it failed, one line; empty when ok
 * @param epochsRun the epochs it ran
 * @param finalTestAccuracy the test (or validation) accuracy after the last epoch
 * @param bestTestAccuracy the best of them
 * @param bestEpoch the epoch of the best
 * @param finalTestCost the test cost after the last epoch
 * @param minTestCost the least of them
 * @param spikes the spikes of the test accuracy ({@link SpikeDetector})
 * @param seconds how long the trial took
 */
public record TrialResult(String trial, String status, String reason, int epochsRun, double finalTestAccuracy,
        double bestTestAccuracy, int bestEpoch, double finalTestCost, double minTestCost, int spikes,
        double seconds) implements java.io.Serializable {

    /** Returns the result of a trial that ran to its end. */
    public static TrialResult ok(String trial, History history, double seconds) {
        double best = Double.NaN;
        int bestEpoch = 0;
        double minCost = Double.NaN;
        for (EpochRecord r : history.records()) {
            if (!Double.isNaN(r.testAccuracy()) && (Double.isNaN(best) || r.testAccuracy() > best)) {
                best = r.testAccuracy();
                bestEpoch = r.epoch();
            }
            if (!Double.isNaN(r.testCost()) && (Double.isNaN(minCost) || r.testCost() < minCost)) {
                minCost = r.testCost();
            }
        }
        EpochRecord last = history.last();
        return new TrialResult(trial, "ok", "", last == null ? 0 : last.epoch(),
                last == null ? Double.NaN : last.testAccuracy(), best, bestEpoch,
                last == null ? Double.NaN : last.testCost(), minCost,
                SpikeDetector.DEFAULT.find(history.testAccuracy()).size(), seconds);
    }

    /** Returns the result of a trial that failed, with its reason. */
    public static TrialResult failed(String trial, String reason, double seconds) {
        return new TrialResult(trial, "failed", reason.replace('\n', ' '), 0, Double.NaN, Double.NaN, 0, Double.NaN,
                Double.NaN, 0, seconds);
    }

    /** Returns the result of a trial that failed with {@code failure}: its message, or its type if it has none. */
    public static TrialResult failed(String trial, Throwable failure, double seconds) {
        return failed(trial, failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage(),
                seconds);
    }

    /** Returns true if the trial ran to its end. */
    public boolean ok() {
        return status.equals("ok");
    }
}
