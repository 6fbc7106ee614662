package dev.nn.core.spi;


/**
 * An activation that acts on every unit on its own: implement {@link #value} and
 * {@link #derivative}, and the batch operations follow. An implementation that overrides
 * {@link #apply} or {@link #backward} for speed must give the bits of {@code value} and
 * {@code derivative} element by element: the engine calls either (it activates each example's
 * units on the thread that computed them), and the contract tests check that they agree.
 */
public interface ElementwiseActivation extends Activation {

    /** Returns σ(z). */
    double value(double z);

    /**
     * Returns σ'(z).
     *
     * @param z the weighted input
     * @param a σ(z), for activations whose derivative is cheaper from the output (sigmoid: a(1-a))
     */
    double derivative(double z, double a);

    @Override
    default void apply(Matrix z, Matrix a) {
        int n = z.size();
        double[] zd = z.data();
        double[] ad = a.data();
        for (int i = 0; i < n; i++) {
            ad[i] = value(zd[i]);
        }
    }

    @Override
    default void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ) {
        int n = z.size();
        double[] zd = z.data();
        double[] ad = a.data();
        double[] ga = gradA.data();
        double[] gz = gradZ.data();
        for (int i = 0; i < n; i++) {
            gz[i] = ga[i] * derivative(zd[i], ad[i]);
        }
    }
}
