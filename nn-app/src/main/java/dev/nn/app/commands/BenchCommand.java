package dev.nn.app.commands;

import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.AppContext;
import dev.nn.run.options.LayerSizes;
import dev.nn.run.options.LayersConverter;
import dev.nn.run.options.ThreadsOption;
import dev.nn.app.run.JitWarmup;
import dev.nn.core.data.DataSet;
import dev.nn.core.layer.Shape;
import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.network.TrainingStep;
import dev.nn.data.mnist.Mnist;
import dev.nn.monitor.EvaluationMonitor;
import dev.nn.monitor.History;
import dev.nn.monitor.Metric;
import dev.nn.train.SgdTrainer;
import dev.nn.train.TrainingConfig;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code nn bench}: the project's benchmark workloads w1-w4 and chapter 6's c1, or a custom one, each timed from the start of
 * training to the end of the last epoch's monitoring (data loading and JVM start excluded, JIT
 * compilation included), one {@code RESULT} line each on standard output. While the training set
 * loads, a {@link JitWarmup} trains and monitors throwaway networks of the workloads' shapes on a
 * few test images; with two or more threads each epoch is monitored while the next one trains
 * ({@link EvaluationMonitor#overlapped}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the benchmark workloads w1-w4 (or chapter 6's c1, or a custom one with --layers) and"
                + " print one RESULT line per run.")
public final class BenchCommand implements Callable<Integer> {

    /** The workload ids; {@code all} is w1-w4. */
    enum Id { w1, w2, w3, w4, c1, all }

    /**
     * One workload of WORKLOADS.md, or c1.
     *
     * @param layers the sizes of a fully connected workload (sigmoid, cross-entropy, shuffled), or null
     * @param trainSize training images taken in file order
     * @param monitorAll cost and accuracy on the training and test data (else test accuracy only)
     * @param net the layers of a chapter 6 workload in the {@code --net} syntax (sigmoid hidden layers,
     *     log-likelihood, network3's initialization, the images in file order every epoch), or null
     */
    record Workload(String id, int[] layers, int trainSize, double eta, double lambda, boolean monitorAll,
            int epochs, int batchSize, String net) {

        Workload(String id, int[] layers, int trainSize, double eta, double lambda, boolean monitorAll, int epochs,
                int batchSize) {
            this(id, layers, trainSize, eta, lambda, monitorAll, epochs, batchSize, null);
        }
    }

    /**
     * c1: chapter 6's dbl_conv (conv.py) for one epoch of the 50000 training images network3.py
     * trains on, batch 10, eta 0.1, test accuracy after it.
     */
    static final Workload C1 = new Workload("c1", null, 50000, 0.1, 0, false, 1, 10,
            "conv:20:5,pool:2,conv:40:5,pool:2,dense:100,softmax:10:zero-init=1");

    static final List<Workload> WORKLOADS = List.of(
            new Workload("w1", new int[] {784, 30, 10}, 1000, 0.5, 0, true, 20, 10),
            new Workload("w2", new int[] {784, 30, 10}, 60000, 0.5, 0, false, 2, 10),
            new Workload("w3", new int[] {784, 30, 30, 30, 30, 30, 10}, 60000, 0.1, 0, false, 1, 10),
            new Workload("w4", new int[] {784, 100, 10}, 60000, 0.1, 5.0, false, 1, 10), C1);

    /** Test images the JIT warm-up trains and evaluates on while the training set loads. */
    static final int WARMUP_SAMPLE = 500;

    /** The most warm-up rounds: more would not pay for the heap their garbage grows. */
    static final int WARMUP_ROUNDS = 20;

    @ParentCommand
    AppContextSource parent;

    @Option(names = "--workload", defaultValue = "all", description = "w1, w2, w3, w4, c1 (chapter 6's dbl_conv, one"
            + " epoch of 50000 images) or all: w1-w4 (default: ${DEFAULT-VALUE}).")
    Id workload;

    @Option(names = "--epochs", paramLabel = "K", description = "Epochs instead of each workload's own.")
    Integer epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--layers", converter = LayersConverter.class, paramLabel = "N,N,...", description = "A custom"
            + " workload (workload=custom): these layers on all 60000 images unless --train-size, test accuracy after"
            + " each epoch, 1 epoch unless --epochs.")
    LayerSizes layers;

    @Option(names = "--batch-size", defaultValue = "10", description = "Mini-batch size of a custom workload"
            + " (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--eta", defaultValue = "0.1", description = "Learning rate of a custom workload"
            + " (default: ${DEFAULT-VALUE}).")
    double eta;

    @Option(names = "--train-size", paramLabel = "N", description = "Training images of a custom workload"
            + " (default: all).")
    Integer trainSize;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "R", description = "Run each workload R times in this"
            + " one JVM, a RESULT line each, as a sweep does; standard error then compares the first run with the"
            + " later ones (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the MNIST files.")
    Path data;

    /** The options of a custom workload only: with a named workload they would be ignored, so they are refused. */
    private static final List<String> CUSTOM_ONLY = List.of("--batch-size", "--eta", "--train-size");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        if (epochs != null && epochs < 1) {
            throw new dev.nn.run.UsageException("--epochs must be >= 1, got " + epochs);
        }
        if (repeat < 1) {
            throw new dev.nn.run.UsageException("--repeat must be >= 1, got " + repeat);
        }
        List<Workload> chosen = chosen();
        int n = threads.count();
        long loadStart = System.nanoTime();
        Path dir = ctx.mnistDir(data);
        DataSet test = Mnist.loadTest(dir);
        ctx.registry(); // loaded here, before the warm-up thread builds networks with it
        Mnist mnist;
        int warmupRounds;
        // the JIT compiles the workloads' code on a sample of the test set while the training set loads
        try (JitWarmup warmup = JitWarmup.start(test.first(Math.min(WARMUP_SAMPLE, test.size())),
                chosen.stream().map(w -> warmupRound(ctx, w, n)).toList(), WARMUP_ROUNDS)) {
            mnist = new Mnist(Mnist.loadTraining(dir), test);
            warmupRounds = warmup.roundsRun();
        }
        ctx.note(String.format(Locale.ROOT, "loaded MNIST in %.3f s (JIT warm-up meanwhile: %d rounds of %d images)",
                (System.nanoTime() - loadStart) / 1e9, warmupRounds, WARMUP_SAMPLE));
        // the loading's and the warm-up's garbage is collected here, not inside the first timed run
        System.gc();
        for (Workload w : chosen) {
            List<Double> times = new java.util.ArrayList<>();
            for (int r = 0; r < repeat; r++) {
                times.add(run(ctx, w, mnist, n, r == 0));
            }
            if (repeat > 1) {
                List<Double> later = new java.util.ArrayList<>(times.subList(1, times.size()));
                java.util.Collections.sort(later);
                ctx.note(String.format(Locale.ROOT, "%s: first run %.3f s, the %d later runs in the same JVM %.3f s"
                        + " (median)", w.id(), times.get(0), later.size(), later.get(later.size() / 2)));
            }
        }
        return 0;
    }

    /** The workloads asked for: one custom workload with --layers, else those of --workload. */
    private List<Workload> chosen() {
        if (layers == null) {
            for (CommandLine.Model.OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
                if (CUSTOM_ONLY.contains(option.longestName())) {
                    throw new dev.nn.run.UsageException(option.longestName() + " is a setting of a custom workload and"
                            + " needs --layers; the named workloads keep their own sizes and learning rate (--epochs"
                            + " changes their epochs)");
                }
            }
            return WORKLOADS.stream().filter(w -> workload == Id.all ? w.net() == null : workload.name().equals(w.id()))
                    .toList();
        }
        if (batchSize < 1 || !(eta > 0) || trainSize != null && (trainSize < 1 || trainSize > 60000)) {
            throw new dev.nn.run.UsageException("a custom workload needs --batch-size >= 1, --eta > 0 and"
                    + " --train-size in 1..60000");
        }
        return List.of(new Workload("custom", layers.sizes(), trainSize != null ? trainSize : 60000, eta, 0, false, 1,
                batchSize));
    }

    /** Runs one workload and prints its RESULT line, and if asked the kernels' choice; returns its seconds. */
    private double run(AppContext ctx, Workload w, Mnist mnist, int threadCount, boolean sayKernels) {
        int k = epochs != null ? epochs : w.epochs();
        DataSet training = mnist.training().first(w.trainSize());
        Network net = network(ctx, w);
        EvaluationMonitor monitor = monitor(w, training, mnist.test(), threadCount);
        SgdTrainer trainer = new SgdTrainer(config(ctx, w, k, threadCount), List.of(monitor));
        long start = System.nanoTime();
        trainer.train(net, training);
        double seconds = (System.nanoTime() - start) / 1e9;
        History history = monitor.history();
        ctx.out().println(String.format(Locale.ROOT, "RESULT peer=nn workload=%s epochs=%d seconds=%.3f"
                + " final_test_accuracy=%.4f", w.id(), k, seconds, history.last().testAccuracy()));
        if (sayKernels) {
            sayKernels(ctx, w, net, training);
        }
        return seconds;
    }

    /**
     * Says on standard error which kernels each layer chose from its inputs, after the timed run: one
     * training step of the trained network on the first mini-batch of the training data.
     */
    private static void sayKernels(AppContext ctx, Workload w, Network net, DataSet training) {
        int m = Math.min(w.batchSize(), training.size());
        try (TrainingStep step = net.newTrainingStep(m, 1)) {
            for (int s = 0; s < m; s++) {
                step.load(s, training, s);
            }
            step.computeGradients(m);
            ctx.note(w.id() + " kernels, first mini-batch: " + String.join("; ", step.kernels()));
        }
    }

    /** One epoch of the workload's training and monitoring on the sample, for the JIT. */
    private JitWarmup.Round warmupRound(AppContext ctx, Workload w, int threadCount) {
        return (sample, stop) -> new SgdTrainer(config(ctx, w, 1, threadCount),
                List.of(monitor(w, sample, sample, threadCount))).train(network(ctx, w), sample, stop, null);
    }

    private Network network(AppContext ctx, Workload w) {
        if (w.net() != null) {
            return Network.from(new Shape(1, Mnist.SIDE, Mnist.SIDE)).layers(w.net()).seed(seed)
                    .registry(ctx.registry()).cost("log-likelihood").initializer("network3").build();
        }
        return Network.of(w.layers()).seed(seed).registry(ctx.registry()).build();
    }

    private TrainingConfig config(AppContext ctx, Workload w, int k, int threadCount) {
        TrainingConfig.Builder config = TrainingConfig.builder().epochs(k).batchSize(w.batchSize()).eta(w.eta())
                .seed(seed).threads(threadCount).shuffle(w.net() == null);
        if (w.lambda() != 0) {
            config.regularization(new Regularization(ctx.registry().regularizer("l2"), w.lambda()));
        }
        return config.build();
    }

    private static EvaluationMonitor monitor(Workload w, DataSet training, DataSet test, int threadCount) {
        Set<Metric> metrics = w.monitorAll() ? EnumSet.allOf(Metric.class) : EnumSet.of(Metric.TEST_ACCURACY);
        return threadCount > 1 ? EvaluationMonitor.overlapped(training, test, metrics, w.id())
                : new EvaluationMonitor(training, test, metrics, w.id(), 1);
    }
}
