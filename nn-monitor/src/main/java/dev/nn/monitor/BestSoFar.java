package dev.nn.monitor;

/**
 * The best value of one metric seen so far in a history, for the rules that act on stalls
 * ({@link EarlyStopping}, {@link PlateauSchedule}).
 */
final class BestSoFar {

    private final HistorySource source;
    private final Metric metric;
    private final String user;
    private double best = Double.NaN;
    private int bestEpoch;

    /**
     * Creates the tracker.
     *
     * @param user names the rule in the error for a metric nobody measures, such as {@code "early stopping"}
     */
    BestSoFar(HistorySource source, Metric metric, String user) {
        this.source = source;
        this.metric = metric;
        this.user = user;
    }

    /**
     * Reads the metric of the history's last record and returns true if it is the best so far (the
     * first value always is), remembering it and {@code epoch}.
     *
     * @throws IllegalStateException if the metric is not being measured
     */
    boolean improvedAt(int epoch) {
        EpochRecord last = source.history().last();
        return improvedWith(last == null ? Double.NaN : metric.of(last), epoch);
    }

    /** As {@link #improvedAt}, for a value given rather than read from the history (a resumed run's past). */
    boolean improvedWith(double value, int epoch) {
        if (Double.isNaN(value)) {
            throw new IllegalStateException(user + " needs " + metric.id() + ", which is not being measured");
        }
        if (Double.isNaN(best) || metric.improves(value, best)) {
            best = value;
            bestEpoch = epoch;
            return true;
        }
        return false;
    }

    double best() {
        return best;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    Metric metric() {
        return metric;
    }
}
