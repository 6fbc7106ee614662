package dev.nn.core.contract;

import java.util.function.DoubleSupplier;

/** Central differences and the relative error used by every gradient check in nn. */
public final class FiniteDifference {

    /** The step of the central difference. */
    public static final double H = 1e-6;
    /** Gradients smaller than this are compared on an absolute scale of {@code TOLERANCE * FLOOR}. */
    public static final double FLOOR = 1e-3;
    /** The largest accepted relative error. */
    public static final double TOLERANCE = 1e-6;

    private FiniteDifference() {
    }

    /**
     * Returns (f(x+h) - f(x-h)) / 2h for the parameter {@code values[i]}, restoring it afterwards.
     *
     * @param values the parameters. Modified during the call, restored on return.
     */
    public static double central(double[] values, int i, DoubleSupplier f) {
        double saved = values[i];
        values[i] = saved + H;
        double plus = f.getAsDouble();
        values[i] = saved - H;
        double minus = f.getAsDouble();
        values[i] = saved;
        return (plus - minus) / (2 * H);
    }

    /** Returns |a - b| / max(|a| + |b|, FLOOR). */
    public static double relativeError(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(a) + Math.abs(b), FLOOR);
    }
}
