package com.example.nnswish;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.Shape;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.Map;

/**
 * A learned gain per unit, a layer with a parameter of its own: {@code out[j] = g[j] in[j]}, the
 * gains starting at {@code init} (1 by default), trained by the run's update rule and not
 * regularized: {@code --net dense:100,gain,dense:10}. Its block is named {@code gain}; the model
 * file and the checkpoint keep it by that name.
 */
public final class Gain implements LayerType {

    private final double init;

    /** Creates the type with gains starting at 1, as {@link java.util.ServiceLoader} does. */
    public Gain() {
        this(1);
    }

    private Gain(double init) {
        if (!Double.isFinite(init)) {
            throw new IllegalArgumentException("gain: init must be a finite number, got " + init);
        }
        this.init = init;
    }

    @Override
    public String id() {
        return "gain";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("init", init, "the gains' starting value"));
    }

    @Override
    public Gain withParameters(Map<String, Double> values) {
        return new Gain(values.getOrDefault("init", init));
    }

    @Override
    public Layer create(LayerSetup setup) {
        double[] gains = new double[setup.input().size()];
        java.util.Arrays.fill(gains, init);
        return new Gains(setup.input(), new ParameterBlock("gain", new double[][] {gains}, false));
    }

    /** The layer: one block, a row of a gain per unit; the input's shape out. */
    private final class Gains implements Layer {
        private final Shape shape;
        private final ParameterBlock gains;

        Gains(Shape shape, ParameterBlock gains) {
            this.shape = shape;
            this.gains = gains;
        }

        @Override
        public LayerType type() {
            return Gain.this;
        }

        @Override
        public Shape inputShape() {
            return shape;
        }

        @Override
        public Shape outputShape() {
            return shape;
        }

        @Override
        public List<ParameterBlock> parameters() {
            return List.of(gains);
        }

        @Override
        public LayerPass newPass(PassSetup setup) {
            return new Pass(gains.rows()[0], setup);
        }

        @Override
        public Layer copy() {
            return new Gains(shape, new ParameterBlock("gain", gains.copyRows(), false));
        }
    }

    /** out = g ⊙ in; back: ∂C/∂in = g ⊙ ∂C/∂out, ∂C/∂g summed over the batch's examples in order. */
    private static final class Pass implements LayerPass {
        private final double[] g;
        private final int units;
        private final Matrix out;
        private final Matrix gradient;
        private Matrix in;
        private int batch;

        Pass(double[] g, PassSetup setup) {
            this.g = g;
            this.units = g.length;
            this.out = Matrix.of(setup.maxBatch(), units);
            this.gradient = setup.training() ? Matrix.of(setup.maxBatch(), units) : null;
        }

        @Override
        public void forward(Matrix input, int m) {
            in = input;
            batch = m;
            out.setRows(m);
            double[] x = input.data();
            double[] y = out.data();
            for (int s = 0; s < m; s++) {
                for (int j = 0; j < units; j++) {
                    y[s * units + j] = g[j] * x[s * units + j];
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
            double[] d = gradient.data();
            boolean finite = true;
            for (int i = 0; i < m * units; i++) {
                finite &= Double.isFinite(d[i]);
            }
            if (gradIn != null) {
                gradIn.setRows(m);
                double[] back = gradIn.data();
                for (int s = 0; s < m; s++) {
                    for (int j = 0; j < units; j++) {
                        back[s * units + j] = g[j] * d[s * units + j];
                    }
                }
            }
            return finite;
        }

        @Override
        public void parameterGradients(double[][][] sums) {
            double[] sum = sums[0][0];
            java.util.Arrays.fill(sum, 0.0);
            double[] x = in.data();
            double[] d = gradient.data();
            for (int s = 0; s < batch; s++) {
                for (int j = 0; j < units; j++) {
                    sum[j] += d[s * units + j] * x[s * units + j];
                }
            }
        }
    }
}
