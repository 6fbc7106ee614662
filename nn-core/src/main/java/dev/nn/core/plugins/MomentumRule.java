package dev.nn.core.plugins;

/**
 * Momentum-based gradient descent, chapter 3: {@code v = mu v - eta g}, {@code p = p + v};
 * id {@code momentum}, parameter {@code mu} (the "friction" coefficient, 0.9 by default).
 */
public final class MomentumRule extends Momentum {

    /** The stable id. */
    public static final String ID = "momentum";

    /** Creates the rule with mu = 0.9. */
    public MomentumRule() {
        this(0.9);
    }

    private MomentumRule(double mu) {
        super(ID, mu, false);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    MomentumRule withMu(double mu) {
        return new MomentumRule(mu);
    }
}
