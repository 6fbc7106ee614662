package dev.nn.run.book;

import dev.nn.run.RunSpec;
import dev.nn.run.UsageException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ladder of chapter 6 (the book's {@code src/conv.py}), step by step, with the book's figure for
 * each and the run that repeats it with network3.py's choices: mini-batches of 10 in a fixed order,
 * the log-likelihood cost on a softmax layer that starts at zero, weights N(0, 1/fan-out), L2 per
 * mini-batch, dropout not inverted, 50,000 training images (250,000 expanded) and the last 10,000 of
 * the training file as validation data.
 */
public enum Chapter6Step {

    /** One hidden layer of 100 sigmoid units. */
    SHALLOW("shallow", "FC100 sigmoid, softmax 10", "dense:100," + Nets.SOFTMAX, "sigmoid", 60, 0.1, 0, false,
            97.80),
    /** A convolution and a max-pool before the hidden layer. */
    BASIC_CONV("basic-conv", "conv 20x5x5 + maxpool 2x2, FC100, softmax 10",
            "conv:20:5,pool:2,dense:100," + Nets.SOFTMAX, "sigmoid", 60, 0.1, 0, false, 98.78),
    /** Two convolutions with pooling. */
    DBL_CONV("dbl-conv", "+ conv 40x5x5 + maxpool 2x2", Nets.DBL_CONV, "sigmoid", 60, 0.1, 0, false, 99.06),
    /** The same with rectified linear units and L2. */
    DBL_CONV_RELU("dbl-conv-relu", "the same, ReLU everywhere, L2 0.1", Nets.DBL_CONV, "relu", 60, 0.03, 0.1, false,
            99.23),
    /** The same on the expanded data. */
    EXPANDED_DATA("expanded-data", "the same on 250,000 images (each shifted 1 pixel 4 ways)", Nets.DBL_CONV, "relu",
            60, 0.03, 0.1, true, 99.37),
    /** Two hidden layers of 100. */
    EXPANDED_DATA_DOUBLE_FC("expanded-data-double-fc", "FC100 + FC100", Nets.DOUBLE_FC, "relu", 60, 0.03, 0.1, true,
            99.43),
    /** Two hidden layers of 1000 with dropout. */
    DOUBLE_FC_DROPOUT("double-fc-dropout", "FC1000 + FC1000, dropout 0.5 on both and the softmax", Nets.DROPOUT,
            "relu", 40, 0.03, 0, true, 99.60),
    /** Five of the last that vote. */
    ENSEMBLE("ensemble", "plurality vote of 5 double-fc-dropout nets", Nets.DROPOUT, "relu", 40, 0.03, 0, true, 99.67);

    /** The training images of network3.py's runs: the first 50,000 of the training file. */
    public static final int TRAINING_IMAGES = 50_000;
    /** The mini-batch size of every step. */
    public static final int BATCH = 10;
    /** The networks that vote in the ensemble step. */
    public static final int ENSEMBLE_SIZE = 5;

    private final String id;
    private final String network;
    private final String net;
    private final String activation;
    private final int epochs;
    private final double eta;
    private final double lambda;
    private final boolean expanded;
    private final double book;

    Chapter6Step(String id, String network, String net, String activation, int epochs, double eta, double lambda,
            boolean expanded, double book) {
        this.id = id;
        this.network = network;
        this.net = net;
        this.activation = activation;
        this.epochs = epochs;
        this.eta = eta;
        this.lambda = lambda;
        this.expanded = expanded;
        this.book = book;
    }

    /** Returns the step's name on the command line: conv.py's, with dashes. */
    public String id() {
        return id;
    }

    /** Returns the network in the book's words. */
    public String network() {
        return network;
    }

    /** Returns the layers in the {@code --net} syntax. */
    public String net() {
        return net;
    }

    /** Returns the book's epochs. */
    public int epochs() {
        return epochs;
    }

    /** Returns the book's learning rate. */
    public double eta() {
        return eta;
    }

    /** Returns the book's L2 lambda (network3.py's scaling: per mini-batch). */
    public double lambda() {
        return lambda;
    }

    /** Returns true if the step trains on the expanded data. */
    public boolean expanded() {
        return expanded;
    }

    /** Returns the book's figure: test accuracy in percent. */
    public double book() {
        return book;
    }

    /** Returns the runs the step needs at least: 5 voters for the ensemble, else 1. */
    public int minimumRuns() {
        return this == ENSEMBLE ? ENSEMBLE_SIZE : 1;
    }

    /** Returns the runs the step makes by default: the book's best of 3, or the ensemble's 5. */
    public int defaultRuns() {
        return this == ENSEMBLE ? ENSEMBLE_SIZE : 3;
    }

    /**
     * Returns the images a run of this step trains on: {@code trainSize}, or for null all of them
     * (50,000, or 250,000 expanded).
     */
    public int trainingImages(Integer trainSize) {
        return trainSize != null ? trainSize : expanded ? 5 * TRAINING_IMAGES : TRAINING_IMAGES;
    }

    /**
     * Returns the run of this step with network3.py's choices.
     *
     * @param seed the run's seed
     * @param epochs the epochs, or null for the book's
     * @param trainSize the training images, or null for all (50,000, or 250,000 expanded)
     * @throws UsageException naming the flag whose value is out of its range
     */
    public RunSpec spec(long seed, Integer epochs, Integer trainSize) {
        RunSpec.Builder b = RunSpec.builder().net(net).activation(activation).cost("log-likelihood")
                .init("network3").seed(seed).epochs(epochs != null ? epochs : this.epochs).batchSize(BATCH).eta(eta)
                .l2(lambda).penaltiesPerBatch(true).shuffle(false).validation(true).expand(expanded).keepBest(true)
                .trainSize(trainSize);
        return b.build();
    }

    /**
     * Returns the step named {@code id}.
     *
     * @throws UsageException listing the steps if there is none of that name
     */
    public static Chapter6Step of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst().orElseThrow(() ->
                new UsageException("unknown step '" + id + "' of chapter 6; the steps: "
                        + Arrays.stream(values()).map(Chapter6Step::id).collect(Collectors.joining(", "))));
    }

    /** Returns the step as a line of {@code nn book ch6 --list}. */
    public String line() {
        return String.format(Locale.ROOT, "%-24s %-55s %3d %5s %4s %s %6.2f%%", id, network, epochs,
                String.valueOf(eta), String.valueOf(lambda), expanded ? "250k" : " 50k", book);
    }

    /** The layers of the steps. */
    private static final class Nets {
        /** network3.py's SoftmaxLayer: its weights and biases start at zero. */
        static final String SOFTMAX = "softmax:10:zero-init=1";
        static final String DBL_CONV = "conv:20:5,pool:2,conv:40:5,pool:2,dense:100," + SOFTMAX;
        static final String DOUBLE_FC = "conv:20:5,pool:2,conv:40:5,pool:2,dense:100,dense:100," + SOFTMAX;
        static final String DROPOUT = "conv:20:5,pool:2,conv:40:5,pool:2,dropout:0.5:inverted=0,dense:1000,"
                + "dropout:0.5:inverted=0,dense:1000,dropout:0.5:inverted=0," + SOFTMAX;
    }
}
