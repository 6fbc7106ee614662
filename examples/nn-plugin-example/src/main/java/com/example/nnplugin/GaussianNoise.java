package com.example.nnplugin;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.Shape;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A layer that adds Gaussian noise of standard deviation {@code sigma} to every value in training
 * and passes its input through in evaluation: {@code --net dense:100,gaussian-noise:0.3,dense:10}.
 * No parameters. The noise is drawn from the step's generator by Box-Muller, two
 * {@code nextDouble()} per value, so a resumed run skips exactly what it drew.
 */
public final class GaussianNoise implements LayerType {

    private final double sigma;

    /** Creates the type with sigma 0.1, as {@link java.util.ServiceLoader} does. */
    public GaussianNoise() {
        this(0.1);
    }

    private GaussianNoise(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("gaussian-noise: sigma must be a finite number >= 0, got " + sigma);
        }
        this.sigma = sigma;
    }

    @Override
    public String id() {
        return "gaussian-noise";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("sigma", sigma, "standard deviation of the noise added in training"));
    }

    @Override
    public GaussianNoise withParameters(Map<String, Double> values) {
        return new GaussianNoise(values.getOrDefault("sigma", sigma));
    }

    @Override
    public Layer create(LayerSetup setup) {
        return new Noise(setup.input());
    }

    /** The layer: no parameters, the input's shape out. */
    private final class Noise implements Layer {
        private final Shape shape;

        Noise(Shape shape) {
            this.shape = shape;
        }

        @Override
        public LayerType type() {
            return GaussianNoise.this;
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
        public LayerPass newPass(PassSetup setup) {
            return setup.training() ? new Training(shape, setup) : new Evaluation();
        }

        @Override
        public Layer copy() {
            return this;
        }
    }

    /** In evaluation the input passes through. */
    private static final class Evaluation implements LayerPass {
        private Matrix current;

        @Override
        public void forward(Matrix in, int m) {
            current = in;
        }

        @Override
        public Matrix output() {
            return current;
        }

        @Override
        public Matrix gradient() {
            return null;
        }

        @Override
        public boolean backward(Matrix gradIn, int m) {
            throw new IllegalStateException("an evaluation pass does not train");
        }
    }

    /** In training: out = in + sigma * n, n ~ N(0, 1) for every value; the gradient passes back unchanged. */
    private final class Training implements LayerPass {
        private final SplittableRandom random;
        private final int units;
        private final Matrix out;
        private final Matrix gradient;

        Training(Shape shape, PassSetup setup) {
            this.random = setup.random();
            this.units = shape.size();
            this.out = Matrix.of(setup.maxBatch(), units);
            this.gradient = Matrix.of(setup.maxBatch(), units);
        }

        @Override
        public void forward(Matrix in, int m) {
            out.setRows(m);
            double[] x = in.data();
            double[] y = out.data();
            for (int i = 0; i < m * units; i++) {
                y[i] = x[i] + sigma * gaussian();
            }
        }

        /** Box-Muller from two uniform draws, the first in (0, 1]. */
        private double gaussian() {
            double u1 = 1 - random.nextDouble();
            double u2 = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
        }

        @Override
        public int drawsPerExample() {
            return 2 * units;
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
                gradIn.setRows(m);
                System.arraycopy(gradient.data(), 0, gradIn.data(), 0, m * units);
            }
            return true;
        }
    }
}
