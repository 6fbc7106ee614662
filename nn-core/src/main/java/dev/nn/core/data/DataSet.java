package dev.nn.core.data;

import java.util.SplittableRandom;

/**
 * Labelled examples for classification: inputs, integer labels, and the same labels one-hot.
 *
 * <p>Every data set, training or test, offers both representations of its labels: a target is
 * always the one-hot vector of the label. Implementations may store inputs compactly and convert
 * them on demand; views ({@link #first}, {@link #slice}, {@link #shuffled}) share the storage and
 * copy only indices.
 *
 * <p>The engine reads a data set from several threads at once (each copies the examples of the
 * rows it computes), so its read methods must be safe to call concurrently, as they are for any
 * data set that does not change once built.
 */
public interface DataSet {

    /** Returns the number of examples. */
    int size();

    /** Returns the number of input values per example. */
    int inputSize();

    /** Returns the number of classes, the length of a one-hot target. */
    int classes();

    /** Returns the label of example {@code i}, in {@code [0, classes())}. */
    int label(int i);

    /**
     * Copies example {@code i}'s inputs into {@code dst[offset .. offset + inputSize())}.
     *
     * @param dst the destination. Modified.
     */
    void copyInputs(int i, double[] dst, int offset);

    /**
     * Writes the nonzero inputs of example {@code i}, in increasing index order, into {@code idx}
     * and {@code val}, and returns how many there are. Compact data sets override it to skip the
     * zeros without expanding them; the default copies the inputs into {@code val} and compacts
     * them there, allocating nothing.
     *
     * @param idx at least {@link #inputSize()} long. Modified.
     * @param val at least {@link #inputSize()} long. Modified.
     */
    default int copyNonZeroInputs(int i, int[] idx, double[] val) {
        copyInputs(i, val, 0);
        int n = inputSize();
        int count = 0;
        for (int k = 0; k < n; k++) {
            double x = val[k];
            if (x != 0) {
                idx[count] = k;
                val[count++] = x;
            }
        }
        return count;
    }

    /**
     * Hints that example {@code i} will be read soon (the trainer hints at the next mini-batch while
     * it computes the current one). A data set kept in memory reads a little of the example's
     * storage, one entry per cache line, so that the memory system brings it closer meanwhile: a
     * shuffled epoch reads the examples in random order, and each one's first read would otherwise
     * wait for main memory. Returns a value computed from what it read, for the caller to keep so
     * that the reads are not optimized away; it means nothing else. The default reads nothing.
     */
    default int prefetch(int i) {
        return 0;
    }

    /**
     * Writes example {@code i}'s one-hot target into {@code dst[offset .. offset + classes())}.
     *
     * @param dst the destination. Modified.
     */
    default void copyTarget(int i, double[] dst, int offset) {
        java.util.Arrays.fill(dst, offset, offset + classes(), 0.0);
        dst[offset + label(i)] = 1.0;
    }

    /** Returns a view of the first {@code n} examples, in order. */
    default DataSet first(int n) {
        return slice(0, n);
    }

    /** Returns a view of the examples {@code [from, to)}. */
    default DataSet slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") is outside [0, " + size() + ")");
        }
        int[] indices = new int[to - from];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = from + i;
        }
        return IndexedView.of(this, indices);
    }

    /** Returns a view of all examples in an order drawn from {@code random} (Fisher-Yates). */
    default DataSet shuffled(SplittableRandom random) {
        int[] order = new int[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Shuffle.inPlace(order, random);
        return IndexedView.of(this, order);
    }
}
