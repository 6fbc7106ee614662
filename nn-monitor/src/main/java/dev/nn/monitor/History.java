package dev.nn.monitor;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The per-epoch measurements of a training run, network2.py's {@code (evaluation_cost,
 * evaluation_accuracy, training_cost, training_accuracy)}; immutable. Save it with
 * {@link HistoryFiles}.
 *
 * @param label a name for plots and comparisons, such as {@code "L2 lambda=0.2"}
 * @param records one per epoch, in order
 * @param evaluatedOn the data the test accuracy and cost were measured on, network2.py's
 *     {@code evaluation_data}: {@link #TEST} or {@link #VALIDATION}; figures and files name them so
 */
public record History(String label, List<EpochRecord> records, String evaluatedOn) {

    /** {@link #evaluatedOn()} of a run measured on the test images. */
    public static final String TEST = "test";
    /** {@link #evaluatedOn()} of a run measured on the validation images (the book's last 10,000 training images). */
    public static final String VALIDATION = "validation";

    /**
     * Copies the list.
     *
     * @throws IllegalArgumentException if {@code evaluatedOn} is neither {@link #TEST} nor {@link #VALIDATION}
     */
    public History {
        records = List.copyOf(records);
        checkEvaluatedOn(evaluatedOn);
    }

    /** Returns {@code evaluatedOn} if it is {@link #TEST} or {@link #VALIDATION}, else throws IllegalArgumentException. */
    static String checkEvaluatedOn(String evaluatedOn) {
        if (!TEST.equals(evaluatedOn) && !VALIDATION.equals(evaluatedOn)) {
            throw new IllegalArgumentException("evaluatedOn: expected \"" + TEST + "\" or \"" + VALIDATION
                    + "\", got " + (evaluatedOn == null ? "null" : "\"" + evaluatedOn + "\""));
        }
        return evaluatedOn;
    }

    /** A history measured on the test data. */
    public History(String label, List<EpochRecord> records) {
        this(label, records, TEST);
    }

    /** Returns this history under another label. */
    public History withLabel(String newLabel) {
        return new History(newLabel, records, evaluatedOn);
    }

    /** Returns the epoch numbers. */
    public int[] epochs() {
        return records.stream().mapToInt(EpochRecord::epoch).toArray();
    }

    /** Returns the training accuracy of every epoch. */
    public double[] trainAccuracy() {
        return column(EpochRecord::trainAccuracy);
    }

    /** Returns the test (or validation, see {@link #evaluatedOn()}) accuracy of every epoch. */
    public double[] testAccuracy() {
        return column(EpochRecord::testAccuracy);
    }

    /** Returns the training cost of every epoch. */
    public double[] trainCost() {
        return column(EpochRecord::trainCost);
    }

    /** Returns the test (or validation, see {@link #evaluatedOn()}) cost of every epoch. */
    public double[] testCost() {
        return column(EpochRecord::testCost);
    }

    /** Returns the values of one metric, one per epoch. */
    public double[] values(Metric metric) {
        return column(metric::of);
    }

    /** Returns the last record, or null if there is none. */
    public EpochRecord last() {
        return records.isEmpty() ? null : records.get(records.size() - 1);
    }

    private double[] column(ToDoubleFunction<EpochRecord> f) {
        return records.stream().mapToDouble(f).toArray();
    }
}
