package dev.nn.core.plugins;

import dev.nn.core.spi.ElementwiseActivation;
import dev.nn.core.spi.Matrix;

/** The logistic function σ(z) = 1 / (1 + e^-z); id {@code sigmoid}. */
public final class Sigmoid implements ElementwiseActivation {

    /** The stable id. */
    public static final String ID = "sigmoid";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public double value(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    @Override
    public double derivative(double z, double a) {
        return a * (1.0 - a);
    }

    @Override
    public void apply(Matrix z, Matrix a) {
        int n = z.size();
        double[] zd = z.data();
        double[] ad = a.data();
        for (int i = 0; i < n; i++) {
            ad[i] = 1.0 / (1.0 + Math.exp(-zd[i]));
        }
    }

    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        int n = z.size();
        double[] ad = a.data();
        double[] ga = gradA.data();
        double[] gz = gradZ.data();
        for (int i = 0; i < n; i++) {
            gz[i] = ga[i] * (ad[i] * (1.0 - ad[i]));
        }
    }
}
