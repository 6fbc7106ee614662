package dev.nn.core.network;

/**
 * The result of running a network over a data set.
 *
 * @param count the number of examples
 * @param correct how many were classified correctly (the largest output is the label)
 * @param costSum the sum of the per-example costs, without regularization
 */
public record Evaluation(int count, int correct, double costSum) {

    /** Returns {@code correct / count}. */
    public double accuracy() {
        return count == 0 ? 0 : (double) correct / count;
    }

    /** Returns the mean per-example cost, without regularization. */
    public double meanCost() {
        return count == 0 ? 0 : costSum / count;
    }
}
