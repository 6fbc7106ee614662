package dev.nn.train;

import dev.nn.core.data.DataSet;
import dev.nn.core.data.Shuffle;
import dev.nn.core.network.Network;
import dev.nn.core.network.TrainingStep;
import dev.nn.train.event.BatchDone;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.EpochStarted;
import dev.nn.train.event.TrainingFinished;
import dev.nn.train.event.TrainingStarted;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mini-batch stochastic gradient descent, network2.py's {@code SGD}: every epoch shuffles the
 * training data (a seeded Fisher-Yates shuffle of the previous epoch's order), cuts it into
 * mini-batches (the last one may be shorter) and applies one {@link TrainingStep} per batch, with
 * the configuration's update rule (plain SGD, momentum, ...); the network's dropout layers drop
 * units only here, in training. The rule's state lives
 * as long as one call of {@link #train}.
 *
 * <p>The same configuration, network and data give the same weights and the same events, bit for
 * bit. Events go to the listeners in registration order, as {@link TrainingListener} describes.
 */
public final class SgdTrainer {

    private final TrainingConfig config;
    private final List<TrainingListener> listeners;

    /**
     * Creates a trainer.
     *
     * @param config what to run
     * @param listeners who hears it, in this order
     */
    public SgdTrainer(TrainingConfig config, List<TrainingListener> listeners) {
        this.config = config;
        this.listeners = List.copyOf(listeners);
    }

    /**
     * Trains {@code net} in place on {@code training}.
     *
     * @throws IllegalArgumentException if the data does not fit the network
     * @throws DivergenceException if the cost or the weights become NaN or infinite; the network is
     *     then reset to its parameters at the start of that epoch
     */
    public TrainingResult train(Network net, DataSet training) {
        try {
            return train(net, training, Checkpoints.NONE, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Trains {@code net} in place on {@code training}, saving checkpoints, and from a checkpoint's
     * point when {@code resume} is given (with the network's parameters already restored): the
     * shuffles of the epochs done are replayed and the dropout masks skipped, so the run ends with
     * the same bits as one never stopped. A stop requested mid-epoch saves and ends the run with
     * {@link StopReason#INTERRUPTED}.
     *
     * @throws IOException if a checkpoint cannot be saved
     * @throws DivergenceException as {@link #train(Network, DataSet)}
     */
    public TrainingResult train(Network net, DataSet training, Checkpoints checkpoints, Resume resume)
            throws IOException {
        checkFit(net, training);
        CompositeListener events = new CompositeListener(listeners);
        int n = training.size();
        int m = Math.min(config.batchSize(), n);
        int batches = (n + m - 1) / m;
        int penaltyScale = config.penaltyScale(n);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(config.seed());
        Control control = new Control(resume == null ? config.eta() : resume.eta());
        try (TrainingStep step = net.newTrainingStep(m, config.threads(), config.stepSettings())) {
            int first = 1;
            int firstBatch = 0;
            if (resume != null) {
                first = resumeAt(resume, step, order, config.shuffle() ? random : null, n, m, batches);
                firstBatch = resume.batchesDone();
            }
            events.trainingStarted(new TrainingStarted(config, net, n, batches));
            if (resume != null && firstBatch == 0 && first <= config.epochs() && checkpoints.stopRequested()) {
                return interrupted(events, first - 1, 0, control); // asked to stop where the checkpoint already is
            }
            int epoch = first;
            Network lastGood = net.copy();
            for (; epoch <= config.epochs() && control.stopReason == null; epoch++) {
                lastGood.setParameters(net);
                if (config.shuffle()) {
                    Shuffle.inPlace(order, random);
                }
                double eta = control.eta();
                events.epochStarted(new EpochStarted(epoch, eta));
                long start = System.nanoTime();
                for (int b = epoch == first ? firstBatch : 0; b < batches; b++) {
                    int from = b * m;
                    int size = Math.min(m, n - from);
                    fill(step, training, order, from, size);
                    if (b + 1 < batches) {
                        control.prefetched += prefetch(training, order, from + size, Math.min(n, from + size + m));
                    }
                    if (!step.computeGradients(size)) {
                        throw diverged(events, net, lastGood, epoch, b + 1, batches, eta);
                    }
                    step.update(eta, config.regularizations(), penaltyScale);
                    if (events.wantsBatches()) {
                        events.batchDone(new BatchDone(epoch, b + 1, batches, step.gradients()));
                    }
                    if (checkpoints.stopRequested() && b + 1 < batches) {
                        checkpoints.save(new Checkpoint(epoch - 1, b + 1, eta, net, step.ruleState()));
                        return interrupted(events, epoch - 1, b + 1, control);
                    }
                }
                if (!net.isFinite()) {
                    throw diverged(events, net, lastGood, epoch, 0, batches, eta);
                }
                Duration time = Duration.ofNanos(System.nanoTime() - start);
                events.epochDone(new EpochDone(epoch, eta, net, time), control);
                checkpoints.save(new Checkpoint(epoch, 0, control.eta(), net, step.ruleState()));
                if (checkpoints.stopRequested() && epoch < config.epochs()) {
                    return interrupted(events, epoch, 0, control);
                }
            }
            int epochsRun = epoch - 1;
            StopReason reason = control.stopReason == null ? StopReason.COMPLETED : StopReason.STOPPED;
            String message = control.stopReason == null ? "completed " + epochsRun + (epochsRun == 1 ? " epoch" : " epochs")
                    : "stopped after epoch " + epochsRun + ": " + control.stopReason;
            events.trainingFinished(new TrainingFinished(epochsRun, reason, message));
            return new TrainingResult(epochsRun, reason, message, control.eta(), events.failures());
        }
    }

    /**
     * Brings a new run to a checkpoint's point: the update rule's state, the shuffles of the epochs
     * done (none when {@code random} is null: a run that does not shuffle), and the dropout masks of
     * every example trained; returns the epoch to continue.
     */
    private static int resumeAt(Resume resume, TrainingStep step, int[] order, SplittableRandom random, int n, int m,
            int batches) {
        if (resume.batchesDone() < 0 || resume.batchesDone() >= batches) {
            throw new IllegalArgumentException("a checkpoint " + resume.batchesDone() + " mini-batches into an epoch of "
                    + batches);
        }
        List<double[]> state = step.ruleState();
        if (state.size() != resume.ruleState().size()) {
            throw new IllegalArgumentException("the checkpoint has " + resume.ruleState().size()
                    + " rows of update-rule state, this run's rule keeps " + state.size());
        }
        for (int i = 0; i < state.size(); i++) {
            System.arraycopy(resume.ruleState().get(i), 0, state.get(i), 0, state.get(i).length);
        }
        for (int e = 0; random != null && e < resume.epochsDone(); e++) {
            Shuffle.inPlace(order, random);
        }
        step.skipDropoutMasks((long) resume.epochsDone() * n + (long) resume.batchesDone() * m);
        step.setUpdatesDone((long) resume.epochsDone() * batches + resume.batchesDone());
        return resume.epochsDone() + 1;
    }

    private static TrainingResult interrupted(CompositeListener events, int epochsDone, int batchesDone,
            Control control) {
        String message = "interrupted " + Checkpoint.position(epochsDone, batchesDone);
        events.trainingFinished(new TrainingFinished(epochsDone, StopReason.INTERRUPTED, message));
        return new TrainingResult(epochsDone, StopReason.INTERRUPTED, message, control.eta(), events.failures());
    }

    private static void checkFit(Network net, DataSet training) {
        if (training.size() == 0) {
            throw new IllegalArgumentException("the training data is empty");
        }
        if (training.inputSize() != net.inputSize()) {
            throw new IllegalArgumentException("layer sizes do not fit the data: the network takes " + net.inputSize()
                    + " inputs (sizes[0]) but each training example has " + training.inputSize());
        }
        if (training.classes() != net.outputSize()) {
            throw new IllegalArgumentException("layer sizes do not fit the data: the network has " + net.outputSize()
                    + " outputs (the last size) but the data has " + training.classes() + " classes");
        }
    }

    private static void fill(TrainingStep step, DataSet data, int[] order, int from, int size) {
        for (int s = 0; s < size; s++) {
            step.load(s, data, order[from + s]);
        }
    }

    /**
     * Hints at the next mini-batch's examples ({@link DataSet#prefetch}), so that their storage is
     * read from memory while this batch computes; returns the hints' values to keep.
     */
    private static int prefetch(DataSet data, int[] order, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += data.prefetch(order[i]);
        }
        return sum;
    }

    private static DivergenceException diverged(CompositeListener events, Network net, Network lastGood, int epoch,
            int batch, int batches, double eta) {
        net.setParameters(lastGood);
        String where = batch > 0 ? "mini-batch " + batch + " of " + batches : "its last update";
        String culprit = PluginProbe.nonFinite(net);
        String message = "training diverged in epoch " + epoch + ", " + where
                + ": the cost or the weights became NaN or infinite ("
                + (culprit != null ? culprit : "eta " + eta) + "); the network was reset to its "
                + (epoch == 1 ? "initial parameters" : "parameters at the end of epoch " + (epoch - 1));
        events.trainingFinished(new TrainingFinished(epoch - 1, StopReason.DIVERGED, message));
        return new DivergenceException(message, epoch, batch, lastGood);
    }

    /** The listeners' handle on the run. */
    private static final class Control implements TrainingControl {
        private double eta;
        private String stopReason;
        /** The sum of the prefetch hints' values: kept so that the JIT keeps their reads. */
        private int prefetched;

        Control(double eta) {
            this.eta = eta;
        }

        @Override
        public double eta() {
            return eta;
        }

        @Override
        public void setEta(double eta) {
            if (!(eta > 0) || Double.isInfinite(eta)) {
                throw new IllegalArgumentException("eta must be a finite number > 0, got " + eta);
            }
            this.eta = eta;
        }

        @Override
        public void requestStop(String reason) {
            if (stopReason == null) {
                stopReason = reason;
            }
        }
    }
}
