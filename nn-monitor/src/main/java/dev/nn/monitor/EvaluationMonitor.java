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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * After every epoch, measures the chosen metrics on the training and test (or validation) data
 * and appends an {@link EpochRecord} to the history. Cost is network2.py's {@code total_cost}: the
 * mean cost over the evaluated set plus each penalty with {@code n} the size of that set. Whole
 * sets are evaluated in batches. Register it before listeners that read its history.
 *
 * <p>An {@link #overlapped overlapped} monitor measures epoch k on a copy of the network on a thread
 * of its own while epoch k+1 trains, and the training thread takes its share of what is left when
 * it reaches the end of epoch k+1: both cores have work where training alone would leave one idle.
 * Its records are the same bits, but its history is complete only once training has finished
 * (during training it lags by up to one epoch).
 */
public final class EvaluationMonitor implements TrainingListener, HistorySource, Resumable {

    private final DataSet training;
    private final DataSet test;
    private final Set<Metric> metrics;
    private final String label;
    private final String evaluatedOn;
    private final int threads;
    private final List<EpochRecord> records = new ArrayList<>();
    private List<Regularization> regularizations = List.of();
    private List<EpochRecord> past = List.of();
    private Evaluator evaluator;
    private final boolean overlapped;
    /** The copy an overlapped monitor measures, its thread, and the epoch being measured with its evaluations. */
    private Network snapshot;
    private ExecutorService background;
    private Future<?> pending;
    private int pendingEpoch;
    private Evaluator.Job pendingTraining;
    private Evaluator.Job pendingTest;

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
        this(training, test, History.TEST, metrics, label, threads, false);
    }

    /**
     * Creates a monitor whose {@code test} data is the test or the validation data, as its history
     * says ({@link History#evaluatedOn()}).
     *
     * @param evaluatedOn {@link History#TEST} or {@link History#VALIDATION}
     * @throws IllegalArgumentException if {@code evaluatedOn} is neither
     */
    public EvaluationMonitor(DataSet training, DataSet test, String evaluatedOn, Set<Metric> metrics, String label,
            int threads) {
        this(training, test, evaluatedOn, metrics, label, threads, false);
    }

    /**
     * Creates a monitor that measures each epoch while the next one trains, on a copy of the
     * network and on a thread of its own, which the training thread joins at the end of the next
     * epoch (the last epoch's measure is shared by both at once). Its history has the records of
     * {@link #EvaluationMonitor the plain monitor}, bit for bit, once training has finished;
     * listeners must not read it during training. It uses two threads, the training thread and
     * its own.
     */
    public static EvaluationMonitor overlapped(DataSet training, DataSet test, Set<Metric> metrics, String label) {
        return new EvaluationMonitor(training, test, History.TEST, metrics, label, 1, true);
    }

    private EvaluationMonitor(DataSet training, DataSet test, String evaluatedOn, Set<Metric> metrics, String label,
            int threads, boolean overlapped) {
        this.evaluatedOn = History.checkEvaluatedOn(evaluatedOn);
        this.overlapped = overlapped;
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
        Network measured = event.network();
        if (overlapped) {
            snapshot = measured.copy();
            measured = snapshot;
            background = Executors.newSingleThreadExecutor(runnable -> {
                Thread t = new Thread(runnable, "nn-monitor-" + label);
                t.setDaemon(true);
                return t;
            });
        }
        evaluator = new Evaluator(measured, Evaluator.DEFAULT_BATCH, threads);
    }

    @Override
    public void epochDone(EpochDone event, TrainingControl control) {
        int epoch = event.epoch();
        if (!overlapped) {
            records.add(record(epoch, event.network()));
            return;
        }
        awaitPending();
        snapshot.setParameters(event.network());
        pendingEpoch = epoch;
        pendingTraining = start(training, Metric.TRAIN_ACCURACY, Metric.TRAIN_COST);
        pendingTest = start(test, Metric.TEST_ACCURACY, Metric.TEST_COST);
        Evaluator.Job first = pendingTraining;
        Evaluator.Job second = pendingTest;
        pending = background.submit(() -> {
            if (first != null) {
                first.work();
            }
            if (second != null) {
                second.work();
            }
        });
    }

    /** Prepares the evaluation of {@code data} for these metrics, or returns null if none is measured. */
    private Evaluator.Job start(DataSet data, Metric accuracy, Metric cost) {
        return measures(data, accuracy, cost) ? evaluator.start(data, metrics.contains(cost)) : null;
    }

    /** Returns true if some of these metrics of {@code data} are measured. */
    private boolean measures(DataSet data, Metric accuracy, Metric cost) {
        return data != null && (metrics.contains(accuracy) || metrics.contains(cost));
    }

    @Override
    public void trainingFinished(TrainingFinished event) {
        try {
            if (overlapped) {
                awaitPending();
            }
        } finally {
            if (background != null) {
                background.shutdown();
                background = null;
            }
            if (evaluator != null) {
                evaluator.close();
            }
        }
    }

    private EpochRecord record(int epoch, Network net) {
        double[] train = measure(net, training, Metric.TRAIN_ACCURACY, Metric.TRAIN_COST);
        double[] tst = measure(net, test, Metric.TEST_ACCURACY, Metric.TEST_COST);
        return new EpochRecord(epoch, train[0], tst[0], train[1], tst[1]);
    }

    /**
     * Takes this thread's share of the epoch being measured, if any, waits for the background
     * thread's, and adds the record.
     */
    private void awaitPending() {
        if (pending == null) {
            return;
        }
        double[] train = finish(pendingTraining, training, Metric.TRAIN_ACCURACY, Metric.TRAIN_COST);
        double[] tst = finish(pendingTest, test, Metric.TEST_ACCURACY, Metric.TEST_COST);
        Future<?> last = pending;
        pending = null;
        pendingTraining = null;
        pendingTest = null;
        boolean interrupted = false;
        while (true) {
            try {
                last.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                // a failing batch is rethrown by its job's await above; anything else is a bug
                throw new IllegalStateException(e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        records.add(new EpochRecord(pendingEpoch, train[0], tst[0], train[1], tst[1]));
    }

    /** Returns {accuracy, cost} of a prepared evaluation once done, NaN where not measured. */
    private double[] finish(Evaluator.Job job, DataSet data, Metric accuracy, Metric cost) {
        if (job == null) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return result(job.await(), snapshot, data, accuracy, cost);
    }

    /** Returns {accuracy, cost}, NaN where not measured. */
    private double[] measure(Network net, DataSet data, Metric accuracy, Metric cost) {
        if (!measures(data, accuracy, cost)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        return result(evaluator.evaluate(data, metrics.contains(cost)), net, data, accuracy, cost);
    }

    private double[] result(Evaluation e, Network net, DataSet data, Metric accuracy, Metric cost) {
        boolean wantCost = metrics.contains(cost);
        double total = wantCost ? e.meanCost() + net.penalty(regularizations, data.size()) : Double.NaN;
        return new double[] {metrics.contains(accuracy) ? e.accuracy() : Double.NaN, total};
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
        return new History(label, records, evaluatedOn);
    }
}
