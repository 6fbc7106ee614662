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
 * <p>An {@link #overlapped overlapped} monitor measures epoch k on a copy of the network on its own
 * thread while epoch k+1 trains, so that both cores have work when training alone would leave one
 * idle; its records are the same bits, but its history is complete only once training has
 * finished (during training it lags by up to one epoch).
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
    private final boolean overlapped;
    /** The copy an overlapped monitor measures, its thread and the epoch being measured. */
    private Network snapshot;
    private ExecutorService background;
    private Future<EpochRecord> pending;

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
        this(training, test, metrics, label, threads, false);
    }

    /**
     * Creates a monitor that measures each epoch while the next one trains, on a copy of the
     * network and on a thread of its own (plus {@code threads - 1} more for the evaluation pass).
     * Its history has the records of {@link #EvaluationMonitor the plain monitor}, bit for bit,
     * once training has finished; listeners must not read it during training.
     */
    public static EvaluationMonitor overlapped(DataSet training, DataSet test, Set<Metric> metrics, String label,
            int threads) {
        return new EvaluationMonitor(training, test, metrics, label, threads, true);
    }

    private EvaluationMonitor(DataSet training, DataSet test, Set<Metric> metrics, String label, int threads,
            boolean overlapped) {
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
        pending = background.submit(() -> record(epoch, snapshot));
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

    /** Adds the record of the epoch being measured, if any, once it is done. */
    private void awaitPending() {
        if (pending == null) {
            return;
        }
        Future<EpochRecord> last = pending;
        pending = null;
        boolean interrupted = false;
        while (true) {
            try {
                records.add(last.get());
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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
