package dev.nn.core.data;

import java.util.Arrays;

/** A data set held in plain arrays of doubles; for small or synthetic data and tests. */
public final class ArrayDataSet implements DataSet {

    private final double[][] inputs;
    private final int[] labels;
    private final int classes;

    /**
     * Creates the data set; the arrays are copied.
     *
     * @param inputs one row per example, all of the same length
     * @param labels one label per example, each in {@code [0, classes)}
     */
    public ArrayDataSet(double[][] inputs, int[] labels, int classes) {
        if (inputs.length != labels.length) {
            throw new IllegalArgumentException(inputs.length + " inputs but " + labels.length + " labels");
        }
        this.inputs = new double[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i].length != inputs[0].length) {
                throw new IllegalArgumentException("input " + i + " has " + inputs[i].length + " values, expected "
                        + inputs[0].length);
            }
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label " + i + " is " + labels[i] + ", expected 0.." + (classes - 1));
            }
            this.inputs[i] = inputs[i].clone();
        }
        this.labels = labels.clone();
        this.classes = classes;
    }

    @Override
    public int size() {
        return labels.length;
    }

    @Override
    public int inputSize() {
        return inputs.length == 0 ? 0 : inputs[0].length;
    }

    @Override
    public int classes() {
        return classes;
    }

    @Override
    public int label(int i) {
        return labels[i];
    }

    @Override
    public void copyInputs(int i, double[] dst, int offset) {
        System.arraycopy(inputs[i], 0, dst, offset, inputs[i].length);
    }

    @Override
    public String toString() {
        return "ArrayDataSet[" + size() + " x " + inputSize() + ", labels " + Arrays.toString(
                Arrays.copyOf(labels, Math.min(10, labels.length))) + "...]";
    }
}
