package dev.nn.train;

import dev.nn.core.network.Network;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Matrix;
import java.util.Locale;

/**
 * Finds which of a network's plugins gives NaN or infinity for ordinary inputs, so that a run that
 * diverged names the plugin rather than blaming eta: each layer's activation and its derivative at
 * a few weighted inputs, then the cost and its derivative at outputs inside (0, 1), where every
 * cost is defined. A cost given outputs outside its domain (a relu output with the cross-entropy)
 * is not a broken plugin, so it is not named.
 */
final class PluginProbe {

    private static final double[] Z = {-5, -1, -0.1, 0, 0.1, 1, 5};
    /** Outputs that sum to 1, as a softmax layer's would, each inside (0, 1) as a sigmoid's. */
    private static final double[] OUTPUTS = {0.4, 0.2, 0.1, 0.1, 0.1, 0.05, 0.05};

    private PluginProbe() {
    }

    /** Returns what misbehaved, such as "activation 'x' gives NaN at z = 0.1", or null if nothing did. */
    static String nonFinite(Network net) {
        int n = Z.length;
        Matrix a = Matrix.of(1, n);
        for (int l = 0; l < net.layerCount(); l++) {
            Activation activation = net.activation(l);
            try {
                activation.apply(Matrix.wrap(1, n, Z.clone()), a);
                Matrix grad = Matrix.of(1, n);
                Matrix ones = Matrix.wrap(1, n, filled(n, 1));
                activation.backward(Matrix.wrap(1, n, Z.clone()), a, ones, grad);
                String bad = firstBad(a, "activation '" + activation.id() + "' gives %s at z = %s");
                if (bad == null) {
                    bad = firstBad(grad, "activation '" + activation.id() + "' has the derivative %s at z = %s");
                }
                if (bad != null) {
                    return bad;
                }
            } catch (RuntimeException e) {
                return "activation '" + activation.id() + "' threw " + e;
            }
        }
        // outputs inside (0, 1), where every cost is finite, against a target of 1 at the first and 0 elsewhere
        Matrix out = Matrix.wrap(1, n, OUTPUTS.clone());
        Matrix y = Matrix.of(1, n);
        y.set(0, 0, 1);
        try {
            double cost = net.cost().value(out, y);
            if (!Double.isFinite(cost)) {
                return String.format(Locale.ROOT, "cost '%s' gives %s for outputs in (0, 1)", net.cost().id(), cost);
            }
            Matrix grad = Matrix.of(1, n);
            net.cost().derivative(out, y, grad);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(grad.get(0, i))) {
                    return String.format(Locale.ROOT, "cost '%s' has the derivative %s at the output %s",
                            net.cost().id(), grad.get(0, i), OUTPUTS[i]);
                }
            }
            return null;
        } catch (RuntimeException e) {
            return "cost '" + net.cost().id() + "' threw " + e;
        }
    }

    private static double[] filled(int n, double value) {
        double[] v = new double[n];
        java.util.Arrays.fill(v, value);
        return v;
    }

    private static String firstBad(Matrix m, String format) {
        for (int i = 0; i < Z.length; i++) {
            double v = m.get(0, i);
            if (!Double.isFinite(v)) {
                return String.format(Locale.ROOT, format, v, Z[i]);
            }
        }
        return null;
    }
}
