package dev.nn.monitor;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/** A per-epoch measurement the {@link EvaluationMonitor} can record, and how to read it off a record. */
public enum Metric {
    /** Accuracy on the training data. */
    TRAIN_ACCURACY("train-accuracy", true, EpochRecord::trainAccuracy),
    /** Accuracy on the test (or validation) data. */
    TEST_ACCURACY("test-accuracy", true, EpochRecord::testAccuracy),
    /** Regularized cost on the training data. */
    TRAIN_COST("train-cost", false, EpochRecord::trainCost),
    /** Regularized cost on the test (or validation) data. */
    TEST_COST("test-cost", false, EpochRecord::testCost);

    private final String id;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<EpochRecord> reader;

    Metric(String id, boolean higherIsBetter, ToDoubleFunction<EpochRecord> reader) {
        this.id = id;
        this.higherIsBetter = higherIsBetter;
        this.reader = reader;
    }

    /** Returns the id used in flags and files, such as {@code test-accuracy}. */
    public String id() {
        return id;
    }

    /** Returns true for accuracies, false for costs. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Returns this metric's value in {@code record}; NaN if it was not measured. */
    public double of(EpochRecord record) {
        return reader.applyAsDouble(record);
    }

    /** Returns true if {@code candidate} is strictly better than {@code best}. */
    public boolean improves(double candidate, double best) {
        return higherIsBetter ? candidate > best : candidate < best;
    }

    /** Returns the metric with this id. */
    public static Metric fromId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown metric '" + id + "'; known metrics: train-accuracy, "
                        + "test-accuracy, train-cost, test-cost"));
    }
}
