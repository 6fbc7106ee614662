package dev.nn.run.options;

import dev.nn.run.options.LayerSizes;
import dev.nn.run.options.LayersConverter;
import dev.nn.run.options.ThreadsOption;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags of {@code nn train}, which mirror network2.py's arguments. network2.py's own names
 * ({@code --layer-sizes}, {@code --rand-seed}, {@code --mini-batch-size}, {@code --lmbda},
 * {@code --lmbda-l1}, {@code --lmbda-l2}, {@code --monitoring}) are further names of the same
 * options, so they set the same fields and a flag given under both names is refused.
 */
public final class TrainingOptions {

    /** Creates the flags, unset: picocli fills them, or a caller sets each field. */
    public TrainingOptions() {
    }

    @Option(names = {"--layers", "--layer-sizes"}, converter = LayersConverter.class, defaultValue = "784,30,10", paramLabel = "N,N,...",
            description = "Layer sizes, input first (default: ${DEFAULT-VALUE}).")
    public LayerSizes layers;

    @Option(names = "--net", paramLabel = "LAYER,LAYER,...", description = "The layers, in place of --layers and"
            + " --dropout: layer types with their settings, such as dense:100,dropout:0.5,dense:10 or"
            + " dense:100:relu,dense:10:softmax (see nn plugins for the types and docs/plugins.md for the syntax).")
    public String net;

    @Option(names = {"--seed", "--rand-seed"}, defaultValue = "3", description = "Seed of the initial weights and the shuffles"
            + " (default: ${DEFAULT-VALUE}).")
    public long seed;

    @Option(names = "--train-size", paramLabel = "N", description = "Train on the first N training images"
            + " (default: all).")
    public Integer trainSize;

    @Option(names = "--epochs", defaultValue = "30", description = "Epochs (default: ${DEFAULT-VALUE}).")
    public int epochs;

    @Option(names = {"--batch-size", "--mini-batch-size"}, defaultValue = "10", description = "Mini-batch size (default: ${DEFAULT-VALUE}).")
    public int batchSize;

    @Option(names = "--eta", defaultValue = "0.5", description = "Learning rate (default: ${DEFAULT-VALUE}).")
    public double eta;

    @Option(names = {"--l1", "--lmbda-l1"}, defaultValue = "0", description = "L1 strength lambda (default: ${DEFAULT-VALUE}).")
    public double l1;

    @Option(names = {"--l2", "--lmbda", "--lmbda-l2"}, defaultValue = "0", description = "L2 strength lambda (default: ${DEFAULT-VALUE}).")
    public double l2;

    @Option(names = "--regularizer", paramLabel = "ID=LAMBDA", converter = RegularizerFlag.Converter.class,
            description = "Any regularizer by id with its lambda, such as l1-prox=0.2 or max-norm=3, and with its own"
            + " parameters as ID:NAME=VALUE=LAMBDA, such as pseudo-huber:delta=0.05=1.0 (repeatable; applied after"
            + " --l2 and --l1).")
    public java.util.List<RegularizerFlag> regularizers = new java.util.ArrayList<>();

    @Option(names = "--optimizer", paramLabel = "ID", description = "Update rule by id, with parameters as"
            + " id:name=value (sgd, momentum, nesterov, or a plugin's; default: sgd, or momentum with --momentum).")
    public String optimizer;

    @Option(names = "--momentum", paramLabel = "MU", description = "Momentum coefficient in [0, 1): selects the"
            + " momentum rule (or sets mu of --optimizer nesterov).")
    public Double momentum;

    @Option(names = "--dropout", paramLabel = "P", defaultValue = "0", description = "Drop each hidden unit with"
            + " probability P in training, scaling the kept ones by 1/(1-P) (default: ${DEFAULT-VALUE}).")
    public double dropout;

    @Option(names = "--cost", defaultValue = "cross-entropy", description = "Cost id (default: ${DEFAULT-VALUE}).")
    public String cost;

    @Option(names = "--activation", defaultValue = "sigmoid", description = "Activation id of the hidden layers"
            + " (default: ${DEFAULT-VALUE}).")
    public String activation;

    @Option(names = "--output-activation", description = "Activation id of the output layer (default: softmax with"
            + " --cost log-likelihood, sigmoid otherwise).")
    public String outputActivation;

    @Option(names = "--init", defaultValue = "default", description = "Weight initializer id"
            + " (default: ${DEFAULT-VALUE}).")
    public String initializer;

    @Option(names = {"--monitor", "--monitoring"}, description = "Measure cost and accuracy on the training and the test data after"
            + " every epoch (without it: test accuracy only).")
    public boolean monitor;

    @Option(names = "--expand", description = "Add every training image shifted by one pixel down, up, right and left"
            + " (the book's expand_mnist.py): 5 times the training data, before --train-size.")
    public boolean expand;

    @Option(names = "--weight-stats", description = "Record per epoch and layer what the weights do (sizes, exact"
            + " zeros, sign flips, update norm) in weights.csv.")
    public boolean weightStats;

    @Option(names = "--validation", description = "Train on the first 50000 images and measure on the last 10000"
            + " (Nielsen's validation set) instead of the test set.")
    public boolean validation;

    @Option(names = "--early-stop", paramLabel = "N", description = "Stop when test (or validation) accuracy has not"
            + " improved for N epochs.")
    public Integer earlyStop;

    @Option(names = "--schedule", description = "Halve eta when test (or validation) accuracy has not improved for 10"
            + " epochs; stop at eta/128.")
    public boolean schedule;

    @Option(names = "--no-shuffle", description = "Visit the training images in their order every epoch, as"
            + " network3.py does (default: a new random order each epoch).")
    public boolean noShuffle;

    @Option(names = "--penalties-per-batch", description = "Divide --l2, --l1 and --regularizer penalties by the"
            + " number of mini-batches, as network3.py does, instead of the number of training images.")
    public boolean penaltiesPerBatch;

    @Option(names = "--keep-best", description = "Keep the model of the epoch with the best test (or validation)"
            + " accuracy as best-model.json in the run directory.")
    public boolean keepBest;

    @Mixin
    public ThreadsOption threads = ThreadsOption.of(null);

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the MNIST files (default: "
            + "$NN_MNIST_DIR, then the per-user cache, downloading if needed).")
    public Path data;

    /**
     * Returns the run these flags describe.
     *
     * @throws dev.nn.run.UsageException naming the flag whose value is out of its range
     */
    public dev.nn.run.RunSpec toSpec() {
        return dev.nn.run.RunSpec.builder().layers(layers.sizes()).seed(seed).trainSize(trainSize).epochs(epochs)
                .batchSize(batchSize).eta(eta).l1(l1).l2(l2).regularizers(regularizerMap()).optimizer(optimizer)
                .momentum(momentum).dropout(dropout).cost(cost).activation(activation).outputActivation(outputActivation)
                .init(initializer).monitor(monitor).expand(expand).weightStats(weightStats).validation(validation)
                .earlyStop(earlyStop).schedule(schedule).net(net).shuffle(!noShuffle).penaltiesPerBatch(penaltiesPerBatch)
                .keepBest(keepBest).build();
    }

    private java.util.Map<String, Double> regularizerMap() {
        java.util.Map<String, Double> map = new java.util.LinkedHashMap<>();
        regularizers.forEach(r -> map.put(r.spec(), r.lambda()));
        return map;
    }

    /**
     * Returns the training flags of an {@code nn train} command line (a sweep trial's, a
     * checkpoint's), parsed as {@code nn train} parses them.
     *
     * @throws picocli.CommandLine.ParameterException naming a flag that is not a training flag, or a
     *     value that is not valid for its flag
     */
    public static TrainingOptions parse(java.util.List<String> args) {
        Flags flags = new Flags();
        new picocli.CommandLine(flags).parseArgs(args.toArray(new String[0]));
        return flags.options;
    }

    /** A command of the training flags alone, for {@link #parse}. */
    @picocli.CommandLine.Command(name = "train")
    static final class Flags {
        @Mixin
        TrainingOptions options;
    }

    /** Returns the thread count to use; see {@link ThreadsOption#count()}. */
    public int threads() {
        return threads.count();
    }
}
