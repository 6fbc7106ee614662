package dev.nn.core.network;

import dev.nn.core.spi.Matrix;
import java.util.SplittableRandom;

/**
 * Inverted dropout, chapter 3: in training each unit of each example is kept with probability
 * {@code 1 - p} and scaled by {@code 1/(1 - p)}, so that evaluation, which keeps every unit (the
 * input passes through untouched), needs no change.
 *
 * <p>The mask of a mini-batch is drawn on the training thread as the batch reaches the layer, from
 * the generator the whole training step shares, example by example, unit by unit, one
 * {@code nextDouble()} each, the unit kept when it is {@code >= p}. Dropout layers draw in their
 * order in the network, so the masks and the results are the same at any thread count.
 */
final class DropoutPass implements LayerPass {

    private final double p;
    private final double scale;
    private final SplittableRandom random;
    private final double[] mask;
    private final Matrix out;
    private final Matrix gradient;
    private Matrix current;

    /**
     * Creates the pass of one dropout layer.
     *
     * @param random the step's generator, or null for a pass that evaluates
     */
    DropoutPass(DropoutLayer layer, int units, int maxBatch, SplittableRandom random) {
        this.p = layer.p();
        this.scale = 1 / (1 - p);
        this.random = random;
        this.mask = random == null ? null : new double[maxBatch * units];
        this.out = random == null ? null : Matrix.of(maxBatch, units);
        this.gradient = random == null ? null : Matrix.of(maxBatch, units);
    }

    @Override
    public void forward(Matrix in, int m) {
        if (random == null) {
            current = in;
            return;
        }
        int n = m * in.cols();
        for (int i = 0; i < n; i++) {
            mask[i] = random.nextDouble() >= p ? scale : 0.0;
        }
        out.setRows(m);
        multiply(in.data(), out.data(), n);
        current = out;
    }

    @Override
    public Matrix output() {
        return current;
    }

    @Override
    public Matrix gradient() {
        return gradient;
    }

    /** A dropped unit passes no error back: the same mask as on the way forward. */
    @Override
    public boolean backward(Matrix gradIn, int m) {
        if (gradIn != null) {
            gradIn.setRows(m);
            multiply(gradient.data(), gradIn.data(), m * gradient.cols());
        }
        return true;
    }

    /** out = in ⊙ mask, for the first n values. */
    private void multiply(double[] in, double[] result, int n) {
        for (int i = 0; i < n; i++) {
            result[i] = in[i] * mask[i];
        }
    }
}
