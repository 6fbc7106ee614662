package dev.nn.run;

/**
 * The seed's training run, as {@code nn demo} and {@code nn study} make it: 784-30-10, the first
 * 1000 training images, batch 10, sigmoid layers, cross-entropy, every metric monitored; the seed,
 * epochs, eta and penalties vary.
 */
public final class SeedRun {

    private SeedRun() {
    }

    /**
     * Returns one run.
     *
     * @param l1 the book's L1 lambda (0: none)
     * @param l2 the L2 lambda (0: none)
     * @param l1Prox the proximal L1 lambda (0: none)
     * @param weightStats whether to record weights.csv
     */
    public static RunSpec spec(long seed, int epochs, double eta, double l1, double l2, double l1Prox,
            boolean weightStats) {
        RunSpec.Builder b = RunSpec.builder().layers(784, 30, 10).seed(seed).trainSize(1000).epochs(epochs).batchSize(10)
                .eta(eta).l1(l1).l2(l2).cost("cross-entropy").activation("sigmoid").outputActivation("sigmoid")
                .init("default").monitor(true).weightStats(weightStats);
        if (l1Prox != 0) {
            b.regularizer("l1-prox", l1Prox);
        }
        return b.build();
    }

}
