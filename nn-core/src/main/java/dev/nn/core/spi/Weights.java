package dev.nn.core.spi;

/**
 * A view of a dense layer's weights, or of a block of them, as regularizers receive them.
 *
 * <p>The weights are stored by input: {@link #input(int) input(k)} is the array of the weights from
 * input {@code k} of the block to every unit, so {@code input(k)[j]} is the book's {@code w[j][k]}.
 * A regularizer that acts on every weight on its own ({@link Regularizer#elementwise()}) may be
 * handed a block of a layer's inputs (several threads then work on disjoint blocks); one that is
 * not elementwise always receives the whole layer ({@link #isWholeLayer()}). The arrays are the
 * network's own: writing them changes the network. The view itself never changes.
 */
public final class Weights {

    private final double[][] byInput;
    private final int from;
    private final int to;
    private final int units;

    private Weights(double[][] byInput, int from, int to, int units) {
        if (from < 0 || to > byInput.length || from > to) {
            throw new IllegalArgumentException("inputs [" + from + ", " + to + ") outside [0, " + byInput.length + ")");
        }
        this.byInput = byInput;
        this.from = from;
        this.to = to;
        this.units = units;
    }

    /**
     * Returns a view of a whole layer.
     *
     * @param byInput {@code byInput[k][j]} is the weight from input k to unit j; shared, not copied
     * @param units the number of units, the length of every row
     */
    public static Weights of(double[][] byInput, int units) {
        return new Weights(byInput, 0, byInput.length, units);
    }

    /** Returns a view of the inputs {@code [from, to)} of this layer's weights, sharing the arrays. */
    public Weights block(int from, int to) {
        return new Weights(byInput, this.from + from, this.from + to, units);
    }

    /** Returns the number of units, the length of every {@link #input} array. */
    public int units() {
        return units;
    }

    /** Returns the number of inputs in this view. */
    public int inputs() {
        return to - from;
    }

    /** Returns true if this view holds every input of the layer. */
    public boolean isWholeLayer() {
        return from == 0 && to == byInput.length;
    }

    /** Returns the weights from input {@code k} (0-based within the view) to every unit; writable. */
    public double[] input(int k) {
        return byInput[from + k];
    }

    /** Returns the weight from input {@code k} to unit {@code j}. */
    public double get(int j, int k) {
        return byInput[from + k][j];
    }

    /** Sets the weight from input {@code k} to unit {@code j}. */
    public void set(int j, int k, double value) {
        byInput[from + k][j] = value;
    }

    /**
     * Copies unit {@code j}'s incoming weights, one per input of the view, into {@code into} (the
     * book's row {@code w[j]}, for per-unit constraints such as max-norm) and returns it.
     *
     * @param into at least {@link #inputs()} long. Modified.
     */
    public double[] unit(int j, double[] into) {
        for (int k = from; k < to; k++) {
            into[k - from] = byInput[k][j];
        }
        return into;
    }

    /** Writes unit {@code j}'s incoming weights from {@code values}, one per input of the view. */
    public void setUnit(int j, double[] values) {
        for (int k = from; k < to; k++) {
            byInput[k][j] = values[k - from];
        }
    }

    /** Returns the sum of the squares of unit {@code j}'s incoming weights in the view. */
    public double unitSquaredNorm(int j) {
        double sum = 0;
        for (int k = from; k < to; k++) {
            double w = byInput[k][j];
            sum += w * w;
        }
        return sum;
    }

    /** Multiplies unit {@code j}'s incoming weights in the view by {@code factor}. */
    public void scaleUnit(int j, double factor) {
        for (int k = from; k < to; k++) {
            byInput[k][j] *= factor;
        }
    }
}
