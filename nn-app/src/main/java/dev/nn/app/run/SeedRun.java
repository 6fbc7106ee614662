package dev.nn.app.run;

import dev.nn.app.cli.LayerSizes;
import dev.nn.app.cli.ThreadsOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed's training run, as {@code nn demo} and {@code nn study} make it: 784-30-10, the first
 * 1000 training images, batch 10, sigmoid layers, cross-entropy, every metric monitored; the seed,
 * epochs, eta and penalties vary.
 */
public final class SeedRun {

    private SeedRun() {
    }

    /**
     * Returns the options of one run.
     *
     * @param l1 the book's L1 lambda (0: none)
     * @param l2 the L2 lambda (0: none)
     * @param l1Prox the proximal L1 lambda (0: none)
     * @param weightStats whether to record weights.csv
     */
    public static TrainingOptions options(long seed, int epochs, double eta, double l1, double l2, double l1Prox,
            boolean weightStats, ThreadsOption threads, Path data) {
        TrainingOptions o = new TrainingOptions();
        o.layers = new LayerSizes(new int[] {784, 30, 10});
        o.seed = seed;
        o.trainSize = 1000;
        o.epochs = epochs;
        o.batchSize = 10;
        o.eta = eta;
        o.l1 = l1;
        o.l2 = l2;
        if (l1Prox != 0) {
            o.regularizers.put("l1-prox", l1Prox);
        }
        o.cost = "cross-entropy";
        o.activation = "sigmoid";
        o.initializer = "default";
        o.monitor = true;
        o.weightStats = weightStats;
        o.threads = threads;
        o.data = data;
        return o;
    }

    /** Returns the {@code nn train} arguments that repeat the run, for its run.json. */
    public static List<String> args(TrainingOptions o) {
        List<String> args = new ArrayList<>(List.of("--layers", "784,30,10", "--seed", Long.toString(o.seed),
                "--train-size", "1000", "--epochs", Integer.toString(o.epochs), "--batch-size", "10", "--eta",
                Double.toString(o.eta), "--l1", Double.toString(o.l1), "--l2", Double.toString(o.l2)));
        o.regularizers.forEach((id, lambda) -> args.addAll(List.of("--regularizer", id + "=" + lambda)));
        args.addAll(List.of("--cost", "cross-entropy", "--activation", "sigmoid", "--output-activation", "sigmoid",
                "--monitor"));
        if (o.weightStats) {
            args.add("--weight-stats");
        }
        return args;
    }
}
