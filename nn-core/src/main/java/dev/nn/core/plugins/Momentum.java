package dev.nn.core.plugins;

import dev.nn.core.spi.Hyperparameter;

/** The {@code mu} parameter the momentum rules share. */
final class Momentum {

    static final String MU = "mu";

    private Momentum() {
    }

    static Hyperparameter mu(double value) {
        return new Hyperparameter(MU, value, "momentum coefficient in [0, 1): 0 is plain SGD");
    }

    static double checkMu(String id, double mu) {
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException(id + ": mu must be in [0, 1), got " + mu);
        }
        return mu;
    }
}
