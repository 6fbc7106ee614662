package dev.nn.core.layer;

import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.Objects;

/**
 * One array of a layer's parameters, stored as rows of equal length, owned by the layer and
 * written in place by training. A block of weights is stored by input, as {@link dev.nn.core.spi.Weights}
 * sees it: row k holds the weights from input k to every unit (or filter); regularizers act on the
 * blocks marked {@code regularized}. Biases are one row with a value per unit.
 *
 * @param name {@link dev.nn.core.spi.Parameter#WEIGHTS}, {@link dev.nn.core.spi.Parameter#BIASES} or a
 *     layer's own name (lower-case words joined by hyphens), unique within the layer
 * @param rows the values; shared, not copied
 * @param regularized whether the network's regularizers act on this block (weights: yes; biases: no)
 */
public record ParameterBlock(String name, double[][] rows, boolean regularized) {

    /** Checks that the rows are there and of equal length. */
    public ParameterBlock {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rows, "rows");
        for (double[] row : rows) {
            if (row.length != rows[0].length) {
                throw new IllegalArgumentException("the rows of parameter " + name + " differ in length");
            }
        }
    }

    /** Returns the number of values in a row. */
    public int cols() {
        return rows.length == 0 ? 0 : rows[0].length;
    }

    /** Returns new rows of this block's shape, holding zeros. */
    public double[][] zeros() {
        return new double[rows.length][cols()];
    }

    /** Returns the index of the block named {@code name} in {@code blocks}, or -1 if there is none. */
    public static int indexOf(List<ParameterBlock> blocks, String name) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Returns the rows of a weight block, by input, from a matrix by unit ({@code n_out x n_in},
     * network2.py's and the initializers' layout): {@code rows[k][j] = m(j, k)}.
     */
    public static double[][] byInput(Matrix byUnit) {
        double[][] rows = new double[byUnit.cols()][byUnit.rows()];
        for (int k = 0; k < rows.length; k++) {
            for (int j = 0; j < byUnit.rows(); j++) {
                rows[k][j] = byUnit.get(j, k);
            }
        }
        return rows;
    }

    /** Returns a copy of a block stored by input as a matrix by unit, {@code cols() x rows}: the inverse of {@link #byInput}. */
    public Matrix byUnit() {
        Matrix m = Matrix.of(cols(), rows.length);
        for (int k = 0; k < rows.length; k++) {
            for (int j = 0; j < cols(); j++) {
                m.set(j, k, rows[k][j]);
            }
        }
        return m;
    }

    /**
     * Overwrites a block stored by input with a matrix by unit, {@code cols() x rows}.
     *
     * @throws IllegalArgumentException naming the block if the shape differs
     */
    public void setByUnit(Matrix byUnit) {
        if (byUnit.rows() != cols() || byUnit.cols() != rows.length) {
            throw new IllegalArgumentException(name + " is " + byUnit.rows() + "x" + byUnit.cols() + ", expected "
                    + cols() + "x" + rows.length);
        }
        for (int k = 0; k < rows.length; k++) {
            for (int j = 0; j < cols(); j++) {
                rows[k][j] = byUnit.get(j, k);
            }
        }
    }

    /** Returns a deep copy of the values. */
    public double[][] copyRows() {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }

    /** Overwrites the values with {@code source}'s, which must have the same shape. */
    public void setRows(double[][] source) {
        if (source.length != rows.length) {
            throw new IllegalArgumentException(name + " has " + rows.length + " rows, got " + source.length);
        }
        for (int i = 0; i < rows.length; i++) {
            if (source[i].length != rows[i].length) {
                throw new IllegalArgumentException(name + " rows have " + rows[i].length + " values, got "
                        + source[i].length);
            }
            System.arraycopy(source[i], 0, rows[i], 0, rows[i].length);
        }
    }
}
