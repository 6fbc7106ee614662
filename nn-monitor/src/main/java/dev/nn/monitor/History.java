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
 */
public record History(String label, List<EpochRecord> records) {

    /** Copies the list. */
    public History {
        records = List.copyOf(records);
    }

    /** Returns the epoch numbers. */
    public int[] epochs() {
        return records.stream().mapToInt(EpochRecord::epoch).toArray();
    }

    /** Returns the training accuracy of every epoch. */
    public double[] trainAccuracy() {
        return column(EpochRecord::trainAccuracy);
    }

    /** Returns the test accuracy of every epoch. */
    public double[] testAccuracy() {
        return column(EpochRecord::testAccuracy);
    }

    /** Returns the training cost of every epoch. */
    public double[] trainCost() {
        return column(EpochRecord::trainCost);
    }

    /** Returns the test cost of every epoch. */
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
