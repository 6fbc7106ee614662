package dev.nn.core.plugins.layers;

import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.spi.Matrix;
import java.util.SplittableRandom;

/**
 * Inverted dropout, chapter 3: in training each unit of each example is kept with probability
 * {@code 1 - p} and scaled by {@code 1/(1 - p)}, so that evaluation, which keeps every unit (the
 * input passes through untouched), needs no change. Not inverted (network3.py), a kept unit passes
 * unscaled in training and evaluation multiplies every unit by {@code 1 - p}.
 *
 * <p>The mask of a mini-batch is drawn on the training thread as the batch reaches the layer, from
 * the generator the whole training step shares, example by example, unit by unit, one
 * {@code nextDouble()} each, the unit kept when it is {@code >= p}. Dropout layers draw in their
 * order in the network, so the masks and the results are the same at any thread count.
 */
final class DropoutPass implements LayerPass {

    private final double p;
    /** What a kept unit is multiplied by in training. */
    private final double scale;
    /** What every unit is multiplied by in evaluation: 1 - p when not inverted, else 1 (passed through). */
    private final double evaluationScale;
    private final int units;
    private final SplittableRandom random;
    private final double[] mask;
    private final Matrix out;
    private final Matrix gradient;
    private Matrix current;

    /** Creates the pass of one dropout layer: in training it draws from the step's generator. */
    DropoutPass(double p, boolean inverted, int units, PassSetup setup) {
        this.p = p;
        this.scale = inverted ? 1 / (1 - p) : 1;
        this.evaluationScale = inverted ? 1 : 1 - p;
        this.units = units;
        this.random = setup.training() ? setup.random() : null;
        int maxBatch = setup.maxBatch();
        this.mask = random == null ? null : new double[maxBatch * units];
        this.out = random == null && inverted ? null : Matrix.of(maxBatch, units);
        this.gradient = random == null ? null : Matrix.of(maxBatch, units);
    }

    @Override
    public void forward(Matrix in, int m) {
        if (random == null) {
            if (evaluationScale == 1) {
                current = in;
                return;
            }
            out.setRows(m);
            double[] from = in.data();
            double[] to = out.data();
            for (int i = 0, n = m * in.cols(); i < n; i++) {
                to[i] = from[i] * evaluationScale;
            }
            current = out;
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

    /** One {@code nextDouble()} per unit of each example, in training. */
    @Override
    public int drawsPerExample() {
        return random == null ? 0 : units;
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
