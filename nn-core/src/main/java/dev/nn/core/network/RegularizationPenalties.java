package dev.nn.core.network;

import dev.nn.core.layer.Penalties;
import dev.nn.core.spi.GradientRegularizer;
import dev.nn.core.spi.ProximalRegularizer;
import dev.nn.core.spi.Weights;
import java.util.List;

/**
 * The {@link Penalties} of a training step's update: the run's regularizations for a training set
 * of n examples, set before each update (one object per step, so an update allocates nothing).
 */
final class RegularizationPenalties implements Penalties {

    private List<Regularization> regs = List.of();
    private int n = 1;

    /** Sets the regularizations and the size of the training set for the next update. */
    RegularizationPenalties set(List<Regularization> regularizations, int n) {
        this.regs = regularizations;
        this.n = n;
        return this;
    }

    @Override
    public void decay(Weights w, boolean elementwise, double eta) {
        for (int i = 0; i < regs.size(); i++) {
            Regularization r = regs.get(i);
            if (r.lambda() != 0 && r.regularizer() instanceof GradientRegularizer g
                    && r.regularizer().elementwise() == elementwise) {
                g.decay(w, eta * (r.lambda() / n));
            }
        }
    }

    @Override
    public void addGradients(Weights w, Weights meanGradient, boolean elementwise) {
        for (int i = 0; i < regs.size(); i++) {
            Regularization r = regs.get(i);
            if (r.lambda() != 0 && r.regularizer() instanceof GradientRegularizer g
                    && r.regularizer().elementwise() == elementwise) {
                g.addGradient(w, r.lambda() / n, meanGradient);
            }
        }
    }

    @Override
    public void proximal(Weights w, boolean elementwise, double eta) {
        for (int i = 0; i < regs.size(); i++) {
            Regularization r = regs.get(i);
            if (r.lambda() != 0 && r.regularizer() instanceof ProximalRegularizer p
                    && r.regularizer().elementwise() == elementwise) {
                p.apply(w, r.lambda(), eta, n);
            }
        }
    }

    @Override
    public boolean hasGradientTerm() {
        for (int i = 0; i < regs.size(); i++) {
            if (regs.get(i).regularizer() instanceof GradientRegularizer && regs.get(i).lambda() != 0) {
                return true;
            }
        }
        return false;
    }
}
