package dev.nn.core.plugins;

/**
 * Nesterov's accelerated gradient in the form that keeps the look-ahead point as the parameters
 * (Sutskever et al. 2013): {@code v = mu v - eta g}, {@code p = p + mu v - eta g}; id
 * {@code nesterov}, parameter {@code mu} (0.9 by default).
 */
public final class NesterovRule extends Momentum {

    /** The stable id. */
    public static final String ID = "nesterov";

    /** Creates the rule with mu = 0.9. */
    public NesterovRule() {
        this(0.9);
    }

    private NesterovRule(double mu) {
        super(ID, mu, true);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    NesterovRule withMu(double mu) {
        return new NesterovRule(mu);
    }
}
