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
 * {@link #name()}, {@link #layer()} and {@link #step()} say which parameter it is and which update
 * of the run this is, for rules that treat weights and biases or layers apart (AdamW's decay of the
 * weights alone, a rate per layer) or that correct for the step (Adam's bias correction).
 */
public final class Parameter {

    private final double[][] values;
    private final double[][] gradient;
    private final double[][][] state;
    private final String name;
    private final int layer;
    private final long[] steps;

    /** The name of a layer's weights. */
    public static final String WEIGHTS = "weights";
    /** The name of a layer's biases. */
    public static final String BIASES = "biases";

    /**
     * Creates a view of no particular layer, at step 1, as a rule's own tests do.
     *
     * @param values the rows of the parameter; shared
     * @param gradient rows of the same shape; shared
     * @param state {@code state[slot]} rows of the same shape; shared
     */
    public Parameter(double[][] values, double[][] gradient, double[][][] state) {
        this(values, gradient, state, WEIGHTS, 0, new long[] {1});
    }

    /**
     * Creates the view; the engine does this once per parameter.
     *
     * @param values the rows of the parameter; shared
     * @param gradient rows of the same shape; shared
     * @param state {@code state[slot]} rows of the same shape; shared
     * @param name {@link #WEIGHTS} or {@link #BIASES}
     * @param layer the index of its layer among the layers that have parameters, 0 for the first
     * @param steps {@code steps[0]} is the number of the update under way, counted from 1 over the
     *     whole run; the engine's, shared by every parameter of the network
     */
    public Parameter(double[][] values, double[][] gradient, double[][][] state, String name, int layer,
            long[] steps) {
        this.values = values;
        this.gradient = gradient;
        this.state = state;
        this.name = name;
        this.layer = layer;
        this.steps = steps;
    }

    /** Returns {@link #WEIGHTS} or {@link #BIASES}. */
    public String name() {
        return name;
    }

    /** Returns the index of the parameter's layer among the layers with parameters, 0 for the first. */
    public int layer() {
        return layer;
    }

    /**
     * Returns the number of this update in the run, from 1: the mini-batches trained so far, this
     * one included, in every epoch; a resumed run goes on counting where it stopped.
     */
    public long step() {
        return steps[0];
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
