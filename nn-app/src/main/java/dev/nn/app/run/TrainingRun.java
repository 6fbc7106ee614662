package dev.nn.app.run;

import dev.nn.app.cli.UsageException;
import dev.nn.core.data.DataSet;
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
 * Wires {@link TrainingOptions} into a network, a trainer and its listeners. Everything that can
 * be wrong with the flags is found by {@link #validate}, before data is loaded or files written.
 */
public final class TrainingRun {

    /** Schedule patience, from NNDL chapter 3. */
    static final int SCHEDULE_PATIENCE = 10;

    private final TrainingOptions options;
    private final PluginRegistry registry;
    private Network network;
    private TrainingConfig config;

    /** Creates the run; call {@link #validate} next. */
    public TrainingRun(TrainingOptions options, PluginRegistry registry) {
        this.options = options;
        this.registry = registry;
    }

    /**
     * Checks every flag and builds the network and configuration.
     *
     * @throws UsageException naming the flag and the accepted values
     */
    public TrainingRun validate() {
        check(options.epochs >= 1, "--epochs must be >= 1, got " + options.epochs);
        check(options.batchSize >= 1, "--batch-size must be >= 1, got " + options.batchSize);
        check(options.eta > 0 && Double.isFinite(options.eta), "--eta must be a finite number > 0, got " + options.eta);
        check(options.l1 >= 0 && Double.isFinite(options.l1), "--l1 must be a finite number >= 0, got " + options.l1);
        check(options.l2 >= 0 && Double.isFinite(options.l2), "--l2 must be a finite number >= 0, got " + options.l2);
        check(options.trainSize == null || options.trainSize >= 1, "--train-size must be >= 1, got " + options.trainSize);
        check(options.earlyStop == null || options.earlyStop >= 1, "--early-stop must be >= 1, got " + options.earlyStop);
        check(options.dropout >= 0 && options.dropout < 1, "--dropout must be a probability in [0, 1), got "
                + options.dropout);
        check(options.momentum == null || options.momentum >= 0 && options.momentum < 1,
                "--momentum must be in [0, 1), got " + options.momentum);
        int[] layers = options.layers.sizes();
        check(layers[0] == Mnist.SIDE * Mnist.SIDE, "--layers must start with 784 inputs (28x28 MNIST pixels), got "
                + layers[0]);
        check(layers[layers.length - 1] == 10, "--layers must end with 10 outputs (the digits), got "
                + layers[layers.length - 1]);
        checkMemory(layers);
        check(options.dropout == 0 || layers.length > 2, "--dropout drops hidden units, and --layers "
                + joined(layers) + " has no hidden layer");
        int available = (options.validation ? 50000 : 60000) * (options.expand ? 5 : 1);
        String with = options.validation && options.expand ? " with --validation and --expand"
                : options.validation ? " with --validation" : options.expand ? " with --expand" : "";
        check(options.trainSize == null || options.trainSize <= available, "--train-size must be at most " + available
                + with + ", got " + options.trainSize);
        try {
            network = Network.of(layers).seed(options.seed).registry(registry).activation(options.activation)
                    .outputActivation(outputActivation()).cost(options.cost).initializer(options.initializer)
                    .dropout(options.dropout).build();
            checkOutputRange();
            TrainingConfig.Builder builder = TrainingConfig.builder().epochs(options.epochs).batchSize(options.batchSize)
                    .eta(options.eta).seed(options.seed).threads(options.threads())
                    .updateRule(updateRule());
            if (options.l2 != 0) {
                builder.regularization(new Regularization(registry.regularizer("l2"), options.l2));
            }
            if (options.l1 != 0) {
                builder.regularization(new Regularization(registry.regularizer("l1"), options.l1));
            }
            for (var entry : options.regularizers.entrySet()) {
                double lambda = entry.getValue();
                check(lambda >= 0 && Double.isFinite(lambda), "--regularizer " + entry.getKey()
                        + " must have a finite lambda >= 0, got " + lambda);
                builder.regularization(new Regularization(registry.regularizer(entry.getKey()), lambda));
            }
            config = builder.build();
        } catch (PluginException e) {
            throw new UsageException(e.getMessage());
        }
        return this;
    }

    /** --optimizer ID[:params], with --momentum MU setting mu (and selecting momentum when no --optimizer is given). */
    private UpdateRule updateRule() {
        String spec = options.optimizer != null ? options.optimizer : options.momentum != null ? "momentum" : "sgd";
        UpdateRule rule;
        try {
            rule = registry.updateRule(spec);
        } catch (PluginException e) {
            throw new UsageException("--optimizer: " + e.getMessage());
        }
        if (options.momentum == null) {
            return rule;
        }
        check(rule.hyperparameters().stream().anyMatch(h -> h.name().equals("mu")), "--momentum sets mu, which "
                + "update rule '" + rule.id() + "' does not take; use --optimizer momentum or nesterov");
        check(!spec.contains("mu="), "give mu once: --momentum " + options.momentum + " and --optimizer " + spec);
        return (UpdateRule) rule.withParameters(java.util.Map.of("mu", options.momentum));
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

    private String outputActivation() {
        if (options.outputActivation != null) {
            return options.outputActivation;
        }
        return options.cost.equals("log-likelihood") ? "softmax" : "sigmoid";
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
            check(out > 0 && out < 1, "--output-activation " + outputActivation() + " gives " + out + " at z = "
                    + probes[i] + ", outside (0, 1), and --cost " + options.cost + " takes the logarithm of the outputs;"
                    + " use sigmoid or softmax (--activation " + options.activation + " sets the hidden layers only)");
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }

    /** Returns the flags of this run. */
    public TrainingOptions options() {
        return options;
    }

    /** Returns the network to train (after {@link #validate}). */
    public Network network() {
        return network;
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
        List<dev.nn.core.spi.Activation> activations = new ArrayList<>();
        for (int l = 0; l < network.layerCount(); l++) {
            activations.add(network.activation(l));
        }
        network.setParameters(Network.fromParameters(network.sizes(), activations, network.cost(), saved.weights(),
                saved.biases(), network.dropout()));
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
        DataSet images = options.validation ? mnist.nielsenSplit().training() : mnist.training();
        DataSet pool = options.expand ? Mnist.expanded(images) : images;
        check(options.trainSize == null || options.trainSize <= pool.size(), "--train-size " + options.trainSize
                + " is more than the " + pool.size() + " training images of these MNIST files");
        DataSet training = options.trainSize == null ? pool : pool.first(options.trainSize);
        DataSet evaluation = options.validation ? mnist.nielsenSplit().validation() : mnist.test();
        return new Data(training, evaluation, options.validation ? "validation" : "test");
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
     * {@code saving.dir()} after every epoch and, with {@code saving.resume()}, from that checkpoint.
     *
     * @throws IOException if a checkpoint cannot be written
     */
    public Outcome train(Mnist mnist, String label, java.io.PrintStream progress, List<TrainingListener> extra,
            Saving saving) throws IOException {
        Data data = data(mnist);
        Set<Metric> metrics = options.monitor ? EnumSet.allOf(Metric.class) : EnumSet.of(Metric.TEST_ACCURACY);
        EvaluationMonitor monitor = new EvaluationMonitor(data.training(), data.evaluation(), metrics, label,
                options.threads());
        List<TrainingListener> listeners = new ArrayList<>(List.of(monitor));
        if (progress != null) {
            listeners.add(ProgressBar.forConsole(progress, monitor));
        }
        listeners.add(new LoggingListener(monitor));
        if (options.earlyStop != null) {
            listeners.add(new EarlyStopping(monitor, Metric.TEST_ACCURACY, options.earlyStop));
        }
        if (options.schedule) {
            listeners.add(new PlateauSchedule(monitor, Metric.TEST_ACCURACY, SCHEDULE_PATIENCE));
        }
        WeightStatsMonitor weights = options.weightStats ? new WeightStatsMonitor() : null;
        if (weights != null) {
            listeners.add(weights);
        }
        listeners.addAll(extra);
        TrainingResult result;
        if (saving == null) {
            result = new SgdTrainer(config, listeners).train(network, data.training());
        } else {
            Resume from = null;
            if (saving.resume() != null) {
                from = restore(saving.resume(), listeners, weights);
            }
            // epochs.jsonl: the epochs as they finish, for nn dashboard to follow the run from another process
            com.google.gson.JsonObject header = new com.google.gson.JsonObject();
            com.google.gson.JsonArray command = new com.google.gson.JsonArray();
            command.add("nn");
            command.add("train");
            saving.args().forEach(command::add);
            header.add("command", command);
            listeners.add(new EpochLog(saving.dir().resolve(EpochLog.NAME), monitor, header.toString(),
                    saving.resume() == null ? new History(label, List.of()) : saving.resume().history()));
            if (saving.follower() != null) {
                listeners.add(saving.follower().apply(monitor));
            }
            Checkpoints checkpoints = new Checkpoints() {
                @Override
                public void save(Checkpoint checkpoint) throws IOException {
                    CheckpointFile.write(saving.dir(), saving.args(), checkpoint, monitor.history(),
                            weights == null ? null : weights.snapshot(checkpoint.batchesDone() > 0));
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
