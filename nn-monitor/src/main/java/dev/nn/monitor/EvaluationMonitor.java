package dev.nn.monitor;

import dev.nn.core.data.DataSet;
import dev.nn.core.network.Evaluation;
import dev.nn.core.network.Evaluator;
import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.train.TrainingControl;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.TrainingFinished;
import dev.nn.train.event.TrainingStarted;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * After every epoch, measures the chosen metrics on the training and test (or validation) data
 * and appends an {@link EpochRecord} to the history. Cost is network2.py's {@code total_cost}: the
 * mean cost over the evaluated set plus each penalty with {@code n} the size of that set. Whole
 * sets are evaluated in batches. Register it before listeners that read its history.
 */
public final class EvaluationMonitor implements TrainingListener, HistorySource, Resumable {

    private final DataSet training;
    private final DataSet test;
    private final Set<Metric> metrics;
    private final String label;
    private final int threads;
    private final List<EpochRecord> records = new ArrayList<>();
    private List<Regularization> regularizations = List.of();
    private List<EpochRecord> past = List.of();
    private Evaluator evaluator;

    /**
     * Creates a monitor.
     *
     * @param training the training data to measure, or null for none
     * @param test the test or validation data to measure, or null for none
     * @param metrics what to measure; metrics of a missing set are skipped
     * @param label the history's label
     * @param threads threads for the evaluation pass (results do not depend on it)
     */
    public EvaluationMonitor(DataSet training, DataSet test, Set<Metric> metrics, String label, int threads) {
        this.training = training;
        this.test = test;
        this.metrics = metrics.isEmpty() ? EnumSet.noneOf(Metric.class) : EnumSet.copyOf(metrics);
        this.label = label;
        this.threads = threads;
    }

    @Override
    public void trainingStarted(TrainingStarted event) {
        regularizations = event.config().regularizations();
        records.clear();
        records.addAll(past);
        evaluator = new Evaluator(event.network(), Evaluator.DEFAULT_BATCH, threads);
    }

    @Override
    public void epochDone(EpochDone event, TrainingControl control) {
        double[] train = measure(event.network(), training, Metric.TRAIN_ACCURACY, Metric.TRAIN_COST);
        double[] tst = measure(event.network(), test, Metric.TEST_ACCURACY, Metric.TEST_COST);
        records.add(new EpochRecord(event.epoch(), train[0], tst[0], train[1], tst[1]));
    }

    @Override
    public void trainingFinished(TrainingFinished event) {
        if (evaluator != null) {
            evaluator.close();
        }
    }

    /** Returns {accuracy, cost}, NaN where not measured. */
    private double[] measure(Network net, DataSet data, Metric accuracy, Metric cost) {
        boolean wantAccuracy = data != null && metrics.contains(accuracy);
        boolean wantCost = data != null && metrics.contains(cost);
        if (!wantAccuracy && !wantCost) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Evaluation e = evaluator.evaluate(data, wantCost);
        double total = wantCost ? e.meanCost() + net.penalty(regularizations, data.size()) : Double.NaN;
        return new double[] {wantAccuracy ? e.accuracy() : Double.NaN, total};
    }

    /**
     * Starts the history of the next run with the records of the epochs a checkpoint holds, for a
     * resumed run: its history is then that of a run never stopped.
     */
    @Override
    public void resumeWith(History earlier) {
        past = List.copyOf(earlier.records());
    }

    @Override
    public History history() {
        return new History(label, records);
    }
}
