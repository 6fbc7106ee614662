package dev.nn.core.plugins;

import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Matrix;

/**
 * The softmax a_j = e^{z_j} / Σ_k e^{z_k} over the units of each example; id {@code softmax}.
 * Meant for the output layer. The maximum of each row is subtracted first, which does not change
 * the result but keeps {@code exp} from overflowing.
 */
public final class Softmax implements Activation {

    /** The stable id. */
    public static final String ID = "softmax";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void apply(Matrix z, Matrix a) {
        int cols = z.cols();
        double[] zd = z.data();
        double[] ad = a.data();
        for (int row = 0; row < z.rows(); row++) {
            int start = row * cols;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = start; j < start + cols; j++) {
                max = Math.max(max, zd[j]);
            }
            double sum = 0;
            for (int j = start; j < start + cols; j++) {
                ad[j] = Math.exp(zd[j] - max);
                sum += ad[j];
            }
            for (int j = start; j < start + cols; j++) {
                ad[j] /= sum;
            }
        }
    }

    /** gradZ_j = a_j (gradA_j - Σ_k a_k gradA_k), the softmax Jacobian applied to gradA. */
    @Override
    public void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        int cols = z.cols();
        double[] ad = a.data();
        double[] ga = gradA.data();
        double[] gz = gradZ.data();
        for (int row = 0; row < z.rows(); row++) {
            int start = row * cols;
            double dot = 0;
            for (int j = start; j < start + cols; j++) {
                dot += ad[j] * ga[j];
            }
            for (int j = start; j < start + cols; j++) {
                gz[j] = ad[j] * (ga[j] - dot);
            }
        }
    }
}
