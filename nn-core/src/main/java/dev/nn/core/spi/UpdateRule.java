package dev.nn.core.spi;

/**
 * How a parameter moves given its gradient: plain SGD, momentum, Nesterov momentum.
 *
 * <p>The engine computes the gradient; the rule only applies it. Before training the engine
 * allocates, once per parameter, {@link #stateSlots()} arrays shaped like the parameter (a
 * velocity, say), zeroed; then every mini-batch calls {@link #step} over the parameter's rows,
 * possibly a range at a time on several threads (disjoint ranges), so a step must treat every row
 * on its own. Instances are immutable; hyperparameters come from {@link Plugin#withParameters}.
 */
public interface UpdateRule extends Plugin {

    /** Returns how many arrays of state per parameter this rule keeps (momentum: 1, the velocity). */
    int stateSlots();

    /**
     * Moves rows {@code [from, to)} of a parameter one step.
     *
     * @param parameter the values (Modified), the mean gradient (Not modified) and the state (Modified)
     * @param eta the learning rate of this step
     */
    void step(Parameter parameter, int from, int to, double eta);

    /**
     * Returns true if a row whose gradient is zero stays where it is (plain SGD), so that the
     * engine may skip the rows no example of the mini-batch touched. False (the default) for rules
     * that move every row every step (momentum keeps moving a row along its velocity).
     */
    default boolean zeroGradientIsNoOp() {
        return false;
    }

    /**
     * Returns true for plain SGD, {@code p = p - eta g} with no state: the engine then runs
     * network2.py's update in place of {@link #step}, fused with the gradient sums row by row
     * ({@code w = R(w) - (eta/m) nabla_w}, R being each gradient regularizer's {@code decay}), which
     * is faster and gives network2.py's bits, and does not call {@link #step}. False by default; the
     * contract tests check that a rule which says true steps as plain SGD.
     */
    default boolean isPlainSgd() {
        return false;
    }
}
