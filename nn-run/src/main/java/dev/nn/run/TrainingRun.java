package dev.nn.run;

import dev.nn.run.options.TrainingOptions;
import dev.nn.run.UsageException;
import dev.nn.core.data.DataSet;
import dev.nn.core.layer.Shape;
import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.registry.PluginException;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.UpdateRule;
import dev.nn.data.mnist.Mnist;
import dev.nn.monitor.EarlyStopping;
import dev.nn.monitor.EpochLog;
import dev.nn.monitor.EvaluationMonitor;
import dev.nn.monitor.History;
import dev.nn.monitor.HistoryFiles;
import dev.nn.monitor.LoggingListener;
import dev.nn.monitor.Metric;
import dev.nn.monitor.PlateauSchedule;
import dev.nn.monitor.ProgressBar;
import dev.nn.monitor.Resumable;
import dev.nn.monitor.WeightStats;
import dev.nn.monitor.WeightStatsMonitor;
import dev.nn.train.Checkpoint;
import dev.nn.train.Checkpoints;
import dev.nn.train.Resume;
import dev.nn.train.SgdTrainer;
import dev.nn.train.TrainingConfig;
import dev.nn.train.TrainingListener;
import dev.nn.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Wires a {@link RunSpec} into a network, a trainer and its listeners, with the threads and MNIST
 * directory it runs on. The spec checked its own values; {@link #validate} finds what else can be
 * wrong (a plugin that is not installed, a network too large for the heap, an output activation
 * the cost cannot take), before data is loaded or files written.
 */
public final class TrainingRun {

    /**
     * The least time between two checkpoints written at epochs' ends: after {@code kill -9} a run
     * resumes from at most this long ago; every epoch is kept when epochs take longer.
     */
    static final long CHECKPOINT_INTERVAL_NANOS = 1_000_000_000L;

    /** Schedule patience, from NNDL chapter 3. */
    static final int SCHEDULE_PATIENCE = 10;

    private final RunSpec spec;
    private final int threads;
    private final Path data;
    private final PluginRegistry registry;
    private Network network;
    private TrainingConfig config;

    /**
     * Creates the run; call {@link #validate} next.
     *
     * @param threads the threads it computes on
     * @param data the MNIST directory given ({@code --data}), or null to find it as the app does
     */
    public TrainingRun(RunSpec spec, int threads, Path data, PluginRegistry registry) {
        this.spec = spec;
        this.threads = threads;
        this.data = data;
        this.registry = registry;
    }

    /**
     * Creates the run of {@code nn train}'s flags.
     *
     * @throws UsageException naming the flag whose value is out of its range
     */
    public TrainingRun(TrainingOptions options, PluginRegistry registry) {
        this(options.toSpec(), options.threads(), options.data, registry);
    }

    /**
     * Checks every flag and builds the network and configuration.
     *
     * @throws UsageException naming the flag and the accepted values
     */
    public TrainingRun validate() {
        int[] layers = spec.layers().stream().mapToInt(Integer::intValue).toArray();
        try {
            if (spec.net() != null) {
                network = netFromLayers();
            } else {
                checkMemory(layers);
                network = Network.of(layers).seed(spec.seed()).registry(registry).activation(spec.activation())
                        .outputActivation(spec.outputActivationOrDefault()).cost(spec.cost()).initializer(spec.init())
                        .dropout(spec.dropout()).build();
            }
            checkOutputRange();
            TrainingConfig.Builder builder = TrainingConfig.builder().epochs(spec.epochs()).batchSize(spec.batchSize())
                    .eta(spec.eta()).seed(spec.seed()).threads(threads)
                    .updateRule(updateRule()).shuffle(spec.shuffle()).penaltiesPerBatch(spec.penaltiesPerBatch());
            Regularization.of(registry::regularizer, spec.l1(), spec.l2(), spec.regularizers())
                    .forEach(builder::regularization);
            config = builder.build();
        } catch (PluginException e) {
            throw new UsageException(e.getMessage());
        }
        return this;
    }

    /**
     * Refuses a run whose plugins are not installed with the message of a model that needs them,
     * naming every missing id by kind: a resumed run's flags were given where its plugins were.
     *
     * @param file what needs them, as the message names it (a checkpoint)
     * @throws dev.nn.core.io.MissingPluginsException if any is missing
     */
    public void requirePlugins(String file) throws dev.nn.core.io.MissingPluginsException {
        java.util.Map<String, List<String>> missing = new java.util.LinkedHashMap<>();
        need(missing, dev.nn.core.registry.PluginKind.ACTIVATION, spec.activation());
        need(missing, dev.nn.core.registry.PluginKind.ACTIVATION, spec.outputActivationOrDefault());
        need(missing, dev.nn.core.registry.PluginKind.COST, spec.cost());
        need(missing, dev.nn.core.registry.PluginKind.INITIALIZER, spec.init());
        spec.regularizers().keySet().forEach(id -> need(missing, dev.nn.core.registry.PluginKind.REGULARIZER, id));
        if (spec.optimizer() != null) {
            need(missing, dev.nn.core.registry.PluginKind.UPDATE_RULE, spec.optimizer());
        }
        if (!missing.isEmpty()) {
            throw new dev.nn.core.io.MissingPluginsException(file, missing);
        }
    }

    private void need(java.util.Map<String, List<String>> missing, dev.nn.core.registry.PluginKind<?> kind,
            String spec) {
        if (!registry.has(kind, spec)) {
            String id = dev.nn.core.registry.PluginSpec.parse(spec).id();
            List<String> ids = missing.computeIfAbsent(kind.word(), k -> new ArrayList<>());
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
    }

    /** --optimizer ID[:params], with --momentum MU setting mu (and selecting momentum when no --optimizer is given). */
    private UpdateRule updateRule() {
        String id = spec.optimizer() != null ? spec.optimizer() : spec.momentum() != null ? "momentum" : "sgd";
        UpdateRule rule;
        try {
            rule = registry.updateRule(id);
        } catch (PluginException e) {
            throw new UsageException("--optimizer: " + e.getMessage());
        }
        if (spec.momentum() == null) {
            return rule;
        }
        check(rule.hyperparameters().stream().anyMatch(h -> h.name().equals("mu")), "--momentum sets mu, which "
                + "update rule '" + rule.id() + "' does not take; use --optimizer momentum or nesterov");
        check(!id.contains("mu="), "give mu once: --momentum " + spec.momentum() + " and --optimizer " + id);
        return (UpdateRule) rule.withParameters(java.util.Map.of("mu", spec.momentum()));
    }

    /**
     * Refuses, before anything is allocated, a network that cannot fit in Java's heap: the weights
     * are held about six times over in training (the network, its copy at the start of each epoch,
     * the gradient sums, the transposed weights of backprop, the mean gradient, a rule's state), plus
     * MNIST and the buffers of the mini-batches.
     */
    private void checkMemory(int[] layers) {
        double weights = 0;
        for (int l = 0; l + 1 < layers.length; l++) {
            weights += (double) layers[l] * layers[l + 1];
        }
        double needed = 8 * weights * 7 + 300e6;
        long heap = Runtime.getRuntime().maxMemory();
        check(needed <= heap, String.format(Locale.ROOT, "--layers %s needs about %.1f GB to train (%.0f million"
                + " weights), and Java's heap is %.1f GB; use smaller layers, or give Java more"
                + " (NN_JAVA_OPTS=-Xmx%dg ./nn ...)", joined(layers), needed / 1e9, weights / 1e6, heap / 1e9,
                (long) Math.ceil(needed / (1L << 30)) + 1));
    }

    private static String joined(int[] sizes) {
        return java.util.Arrays.stream(sizes).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * Refuses an output activation that can leave (0, 1) with a cost that takes only outputs in it
     * (the cross-entropy, the log-likelihood): such a run could only diverge. The activation is
     * probed at a few weighted inputs, so plugins are checked too.
     */
    private void checkOutputRange() {
        if (!network.cost().needsProbabilities()) {
            return;
        }
        double[] probes = {-5, -1, -0.1, 0, 0.1, 1, 5};
        Matrix a = Matrix.of(1, probes.length);
        network.activation(network.layerCount() - 1).apply(Matrix.wrap(1, probes.length, probes.clone()), a);
        for (int i = 0; i < probes.length; i++) {
            double out = a.get(0, i);
            check(out > 0 && out < 1, "--output-activation " + spec.outputActivationOrDefault() + " gives " + out + " at z = "
                    + probes[i] + ", outside (0, 1), and --cost " + spec.cost() + " takes the logarithm of the outputs;"
                    + " use sigmoid or softmax (--activation " + spec.activation() + " sets the hidden layers only)");
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }

    /** Returns what this run is. */
    public RunSpec spec() {
        return spec;
    }

    /** Returns the threads it computes on. */
    public int threads() {
        return threads;
    }

    /** Returns the MNIST directory given ({@code --data}), or null to find it as the app does. */
    public Path data() {
        return data;
    }

    /** Returns the network to train (after {@link #validate}). */
    public Network network() {
        return network;
    }

    /** The network of {@code --net}: any layer types, an MNIST image (1x28x28) in, the 10 digits out. */
    private Network netFromLayers() {
        Network net;
        try {
            net = Network.from(new Shape(1, 28, 28)).layers(spec.net()).seed(spec.seed()).registry(registry)
                    .activation(spec.activation()).outputActivation(spec.outputActivationOrDefault()).cost(spec.cost())
                    .initializer(spec.init()).build();
        } catch (IllegalArgumentException e) {
            throw new UsageException("--net: " + e.getMessage());
        }
        check(net.outputSize() == RunSpec.OUTPUTS, "--net must end with 10 outputs (the digits), such as dense:10; "
                + spec.net() + " gives " + net.outputSize());
        return net;
    }

    /** Returns the training configuration (after {@link #validate}). */
    public TrainingConfig config() {
        return config;
    }

    /** Puts a checkpoint's parameters into the network and its history into the monitor. */
    private Resume restore(CheckpointFile.Saved saved, List<TrainingListener> listeners, WeightStatsMonitor weights) {
        check(weights == null || saved.weightStats() != null, "the checkpoint has no weight statistics to continue"
                + " --weight-stats with");
        if (weights != null) {
            weights.resumeWith(saved.weightStats());
        }
        try {
            network.setParameterBlocks(saved.parameters());
        } catch (IllegalArgumentException e) {
            throw new UsageException("the checkpoint's parameters do not fit this run's network: " + e.getMessage());
        }
        for (TrainingListener listener : listeners) {
            if (listener instanceof Resumable resumable) {
                resumable.resumeWith(saved.history());
            }
        }
        return new Resume(saved.epochsDone(), saved.batchesDone(), saved.eta(), saved.ruleState());
    }

    /** The data a run trains on and measures. */
    record Data(DataSet training, DataSet evaluation, String evaluationName) {
    }

    Data data(Mnist mnist) {
        DataSet images = spec.validation() ? mnist.nielsenSplit().training() : mnist.training();
        DataSet pool = spec.expand() ? Mnist.expanded(images) : images;
        check(spec.trainSize() == null || spec.trainSize() <= pool.size(), "--train-size " + spec.trainSize()
                + " is more than the " + pool.size() + " training images of these MNIST files");
        DataSet training = spec.trainSize() == null ? pool : pool.first(spec.trainSize());
        DataSet evaluation = spec.validation() ? mnist.nielsenSplit().validation() : mnist.test();
        return new Data(training, evaluation, spec.validation() ? History.VALIDATION : History.TEST);
    }

    /**
     * Trains on MNIST and returns the history.
     *
     * @param label the history's label
     * @param progress where the progress bar prints, or null for none
     * @param extra listeners called after the built-in ones
     */
    public Outcome train(Mnist mnist, String label, java.io.PrintStream progress, List<TrainingListener> extra) {
        try {
            return train(mnist, label, progress, extra, null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Where a run keeps its checkpoints, and the checkpoint it resumes from.
     *
     * @param dir the run directory
     * @param args the run's {@code nn train} flags, which the checkpoint keeps
     * @param stop true when the run should save and stop (Ctrl-C)
     * @param resume the checkpoint to continue from, or null for a new run
     * @param follower makes a listener that follows the run from its monitor ({@code nn train
     *     --dashboard}), or null
     */
    public record Saving(Path dir, List<String> args, java.util.function.BooleanSupplier stop,
            CheckpointFile.Saved resume, java.util.function.Function<EvaluationMonitor, TrainingListener> follower) {
    }

    /**
     * Trains as {@link #train(Mnist, String, java.io.PrintStream, List)}, saving a checkpoint in
     * {@code saving.dir()} after every epoch (at most once a second) and, with {@code saving.resume()}, from that checkpoint.
     *
     * @throws IOException if a checkpoint cannot be written
     */
    public Outcome train(Mnist mnist, String label, java.io.PrintStream progress, List<TrainingListener> extra,
            Saving saving) throws IOException {
        Data data = data(mnist);
        Set<Metric> metrics = spec.monitor() ? EnumSet.allOf(Metric.class) : EnumSet.of(Metric.TEST_ACCURACY);
        EvaluationMonitor monitor = new EvaluationMonitor(data.training(), data.evaluation(), data.evaluationName(),
                metrics, label, threads);
        List<TrainingListener> listeners = new ArrayList<>(List.of(monitor));
        if (progress != null) {
            listeners.add(ProgressBar.forConsole(progress, monitor, data.evaluationName()));
        }
        listeners.add(new LoggingListener(monitor));
        if (spec.earlyStop() != null) {
            listeners.add(new EarlyStopping(monitor, Metric.TEST_ACCURACY, spec.earlyStop()));
        }
        if (spec.schedule()) {
            listeners.add(new PlateauSchedule(monitor, Metric.TEST_ACCURACY, SCHEDULE_PATIENCE));
        }
        WeightStatsMonitor weights = spec.weightStats() ? new WeightStatsMonitor() : null;
        if (weights != null) {
            listeners.add(weights);
        }
        listeners.addAll(extra);
        TrainingResult result;
        if (saving == null) {
            result = new SgdTrainer(config, listeners).train(network, data.training());
        } else {
            Resume from = null;
            long fingerprint = DataFingerprint.of(data.training(), data.evaluation());
            if (saving.resume() != null) {
                long trainedOn = saving.resume().dataFingerprint();
                if (trainedOn != 0 && trainedOn != fingerprint) {
                    throw new IllegalStateException(saving.dir().resolve(CheckpointFile.NAME) + ": the run trained on"
                            + " other data than it is given now (other images, labels or counts); resume it with the"
                            + " MNIST files it started with");
                }
                from = restore(saving.resume(), listeners, weights);
            }
            // epochs.jsonl: the epochs as they finish, for nn dashboard to follow the run from another process
            com.google.gson.JsonObject header = new com.google.gson.JsonObject();
            com.google.gson.JsonArray command = new com.google.gson.JsonArray();
            command.add("nn");
            command.add("train");
            saving.args().forEach(command::add);
            header.add("command", command);
            header.addProperty(HistoryFiles.EVALUATED_ON, data.evaluationName());
            listeners.add(new EpochLog(saving.dir().resolve(EpochLog.NAME), monitor, header.toString(),
                    saving.resume() == null ? new History(label, List.of(), data.evaluationName())
                            : saving.resume().history()));
            if (spec.keepBest()) {
                BestModelKeeper keeper = new BestModelKeeper(saving.dir(), monitor, config);
                if (saving.resume() != null) {
                    keeper.resumeWith(saving.resume().history());
                }
                listeners.add(keeper);
            }
            if (saving.follower() != null) {
                listeners.add(saving.follower().apply(monitor));
            }
            Checkpoints checkpoints = new Checkpoints() {
                /** When the last checkpoint was written ({@link System#nanoTime}); none yet. */
                private long written;
                private boolean any;

                @Override
                public void save(Checkpoint checkpoint) throws IOException {
                    // at an epoch's end, at most one write a second: epochs of a few milliseconds (nn demo's) would
                    // spend a tenth of their time writing; a stop, a pause or a signal is always saved
                    boolean stopping = checkpoint.batchesDone() > 0 || saving.stop().getAsBoolean();
                    if (any && !stopping && System.nanoTime() - written < CHECKPOINT_INTERVAL_NANOS) {
                        return;
                    }
                    CheckpointFile.write(saving.dir(), saving.args(), spec, checkpoint, monitor.history(),
                            weights == null ? null : weights.snapshot(checkpoint.batchesDone() > 0), fingerprint);
                    written = System.nanoTime();
                    any = true;
                }

                @Override
                public boolean stopRequested() {
                    return saving.stop().getAsBoolean();
                }
            };
            result = new SgdTrainer(config, listeners).train(network, data.training(), checkpoints, from);
        }
        return new Outcome(monitor.history(), result, data.training().size(), data.evaluationName(),
                weights == null ? List.of() : weights.rows());
    }

    /**
     * What a run produced.
     *
     * @param history the per-epoch metrics
     * @param result how training ended
     * @param trainingSize the number of training examples
     * @param evaluationName {@code test} or {@code validation}
     * @param weightStats per epoch and layer, with {@code --weight-stats}; empty without
     */
    public record Outcome(History history, TrainingResult result, int trainingSize, String evaluationName,
            List<WeightStats> weightStats) {
    }
}
