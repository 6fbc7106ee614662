package dev.nn.core.spi;

/**
 * One parameter of a network (a layer's weights or its biases) as an {@link UpdateRule} sees it:
 * rows of values, the mean gradient of the mini-batch for each row, and the rule's state.
 *
 * <p>A parameter of {@code rows() x cols()} values is stored a row at a time: {@link #values(int)}
 * and {@link #gradient(int)} are arrays of {@code cols()} values. The gradient is
 * {@code ∂C/∂p} averaged over the mini-batch, with every {@link GradientRegularizer}'s term added.
 * {@link #state(int, int)} gives the arrays the rule asked for with {@link UpdateRule#stateSlots()},
 * each shaped like the values and zero before the first step; they live as long as the training run.
 */
public final class Parameter {

    private final double[][] values;
    private final double[][] gradient;
    private final double[][][] state;

    /**
     * Creates the view; the engine does this once per parameter.
     *
     * @param values the rows of the parameter; shared
     * @param gradient rows of the same shape; shared
     * @param state {@code state[slot]} rows of the same shape; shared
     */
    public Parameter(double[][] values, double[][] gradient, double[][][] state) {
        this.values = values;
        this.gradient = gradient;
        this.state = state;
    }

    /** Returns the number of rows. */
    public int rows() {
        return values.length;
    }

    /** Returns the number of values in a row. */
    public int cols() {
        return values.length == 0 ? 0 : values[0].length;
    }

    /** Returns row {@code i} of the values; writable, the network's own. */
    public double[] values(int i) {
        return values[i];
    }

    /** Returns row {@code i} of the mean gradient. */
    public double[] gradient(int i) {
        return gradient[i];
    }

    /** Returns row {@code i} of state slot {@code slot}; writable. */
    public double[] state(int slot, int i) {
        return state[slot][i];
    }
}
