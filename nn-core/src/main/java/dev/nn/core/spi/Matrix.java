package dev.nn.core.spi;

import java.util.Arrays;

/**
 * A row-major matrix of doubles, nn's own: a mini-batch (one example per row), a layer's weights
 * ({@code n_out x n_in}, network2.py's layout) or a column of biases. {@link #data()} holds the
 * {@code rows() x cols()} values row after row from index 0: value (r, c) is
 * {@code data()[r * cols() + c]}. The array may be longer than that; entries past
 * {@code rows() * cols()} mean nothing.
 *
 * <p>The engine sizes its batch matrices once for the largest mini-batch and sets {@link #rows()}
 * per batch; a plugin handed a matrix reads and writes its values but does not change its shape.
 */
public final class Matrix {

    private int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        if (rows < 0 || cols < 0 || (long) rows * cols > data.length) {
            throw new IllegalArgumentException("a " + rows + "x" + cols + " matrix needs " + (long) rows * cols
                    + " values, got " + data.length);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Returns a {@code rows x cols} matrix of zeros. */
    public static Matrix of(int rows, int cols) {
        return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
    }

    /** Returns a matrix over {@code data} (row-major, shared, not copied). */
    public static Matrix wrap(int rows, int cols, double[] data) {
        return new Matrix(rows, cols, data);
    }

    /** Returns a matrix with a copy of these rows, which must all have the same length. */
    public static Matrix of(double[][] values) {
        int cols = values.length == 0 ? 0 : values[0].length;
        Matrix m = of(values.length, cols);
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != cols) {
                throw new IllegalArgumentException("row " + r + " has " + values[r].length + " values, row 0 has " + cols);
            }
            System.arraycopy(values[r], 0, m.data, r * cols, cols);
        }
        return m;
    }

    /** Returns the number of rows. */
    public int rows() {
        return rows;
    }

    /** Returns the number of columns. */
    public int cols() {
        return cols;
    }

    /** Returns {@code rows() * cols()}, the number of values. */
    public int size() {
        return rows * cols;
    }

    /** Returns the backing array, row-major from index 0; shared, so writing it writes the matrix. */
    public double[] data() {
        return data;
    }

    /** Returns the value at row {@code r}, column {@code c}. */
    public double get(int r, int c) {
        return data[index(r, c)];
    }

    /** Sets the value at row {@code r}, column {@code c}. */
    public void set(int r, int c, double value) {
        data[index(r, c)] = value;
    }

    private int index(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("(" + r + ", " + c + ") outside " + rows + "x" + cols);
        }
        return r * cols + c;
    }

    /**
     * Uses the first {@code rows} rows of the backing array, keeping the values there; the engine
     * does this per mini-batch.
     *
     * @throws IllegalArgumentException if the array is too short
     */
    public void setRows(int rows) {
        if (rows < 0 || (long) rows * cols > data.length) {
            throw new IllegalArgumentException(rows + " rows of " + cols + " do not fit in " + data.length + " values");
        }
        this.rows = rows;
    }

    /** Copies {@code other}'s shape and values into this matrix, whose array must be large enough. */
    public void setTo(Matrix other) {
        if (other.cols != cols) {
            throw new IllegalArgumentException("cannot set a matrix of " + cols + " columns to one of " + other.cols);
        }
        setRows(other.rows);
        System.arraycopy(other.data, 0, data, 0, other.size());
    }

    /** Returns a copy of exactly {@code rows() x cols()} values. */
    public Matrix copy() {
        return new Matrix(rows, cols, Arrays.copyOf(data, size()));
    }

    /** Returns row {@code r} as a new array. */
    public double[] row(int r) {
        index(r, 0);
        return Arrays.copyOfRange(data, r * cols, (r + 1) * cols);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Matrix ").append(rows).append('x').append(cols);
        for (int r = 0; r < Math.min(rows, 6); r++) {
            s.append(r == 0 ? " " : ", ").append(Arrays.toString(row(r)));
        }
        return s.append(rows > 6 ? ", ..." : "").toString();
    }
}
