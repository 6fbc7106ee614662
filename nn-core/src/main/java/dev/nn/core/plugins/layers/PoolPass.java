package dev.nn.core.plugins.layers;

import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.RowTasks;
import dev.nn.core.layer.Shape;
import dev.nn.core.spi.Matrix;
import java.util.Arrays;

/**
 * The pass of a max-pooling layer: forward, each window's largest value (the first of equal ones,
 * row by row) and where it was; backward, each output's gradient to that input, zero elsewhere.
 * Examples are split between threads; a batch allocates nothing.
 */
final class PoolPass implements LayerPass {

    private final int channels;
    private final int height;
    private final int width;
    private final int outHeight;
    private final int outWidth;
    private final int size;
    private final int inSize;
    private final int outSize;
    private final RowTasks rows;
    private final Matrix out;
    private final Matrix gradient;
    /** Per example and output: the input index (within the example) of the window's maximum. */
    private final int[] argmax;
    private final RowTasks.RangeTask forwardTask = this::forwardRows;
    private final RowTasks.RangeTask backwardTask = this::backwardRows;
    private Matrix in;
    private Matrix gradIn;

    PoolPass(Shape input, Shape output, int size, PassSetup setup) {
        this.channels = input.channels();
        this.height = input.height();
        this.width = input.width();
        this.outHeight = output.height();
        this.outWidth = output.width();
        this.size = size;
        this.inSize = input.size();
        this.outSize = output.size();
        this.rows = setup.rows();
        this.out = Matrix.of(setup.maxBatch(), outSize);
        this.gradient = setup.training() ? Matrix.of(setup.maxBatch(), outSize) : null;
        this.argmax = new int[setup.maxBatch() * outSize];
    }

    @Override
    public void forward(Matrix input, int m) {
        this.in = input;
        out.setRows(m);
        rows.split(m, inSize, forwardTask);
    }

    private void forwardRows(int from, int to) {
        double[] x = in.data();
        double[] y = out.data();
        for (int s = from; s < to; s++) {
            int base = s * inSize;
            int o = s * outSize;
            for (int c = 0; c < channels; c++) {
                for (int oi = 0; oi < outHeight; oi++) {
                    for (int oj = 0; oj < outWidth; oj++, o++) {
                        int best = (c * height + oi * size) * width + oj * size;
                        double max = x[base + best];
                        for (int di = 0; di < size; di++) {
                            int at = (c * height + oi * size + di) * width + oj * size;
                            for (int dj = 0; dj < size; dj++) {
                                if (x[base + at + dj] > max) {
                                    max = x[base + at + dj];
                                    best = at + dj;
                                }
                            }
                        }
                        y[o] = max;
                        argmax[o] = best;
                    }
                }
            }
        }
    }

    @Override
    public Matrix output() {
        return out;
    }

    @Override
    public Matrix gradient() {
        return gradient;
    }

    @Override
    public boolean backward(Matrix gradIn, int m) {
        if (gradIn != null) {
            this.gradIn = gradIn;
            gradIn.setRows(m);
            rows.split(m, inSize, backwardTask);
        }
        return true;
    }

    private void backwardRows(int from, int to) {
        double[] g = gradIn.data();
        double[] d = gradient.data();
        for (int s = from; s < to; s++) {
            int base = s * inSize;
            Arrays.fill(g, base, base + inSize, 0.0);
            for (int o = s * outSize; o < (s + 1) * outSize; o++) {
                g[base + argmax[o]] += d[o];
            }
        }
    }
}
