package dev.nn.sweep;

import java.util.List;

/**
 * Asynchronous successive halving (ASHA, Li et al., MLSys 2020): the rungs of {@link Halving}, but no
 * rung waits for the whole of the one before. A trial at a rung goes on to the next as soon as it
 * ranks in the top {@code 1/rate} of the results its rung has so far (by test accuracy, ties to the
 * earlier trial), and a free worker takes the highest rung's promotion or else starts a new trial,
 * until {@code maxTrials} have started and nothing can be promoted.
 *
 * <p>"So far" is where the two modes differ. {@link Mode#REPRODUCIBLE} reads a rung's results in a
 * fixed order (the first rung in trial order, each later rung in the order its trials were promoted)
 * and decides only when every earlier result in that order is in, so the decisions, and the
 * results, are the same at any parallelism and on any engine. {@link Mode#FASTEST} reads them in the
 * order they arrive, so no worker ever waits for a decision, and the journal's order of results
 * decides a resumed sweep the same way.
 *
 * @param rate the reduction factor, at least 2
 * @param rungs the epochs of each rung, increasing, the last the trials' epochs; empty in a spec file
 *     that leaves them to be worked out ({@link Halving#of}) from {@code maxTrials} and the epochs
 * @param maxTrials how many of the sweep's trials start at most, the first ones in the sweep's order; 0 for
 *     all of them, which {@link SweepSpec} fills in
 * @param mode how a rung's results are ordered for its decisions
 */
public record Asha(int rate, List<Integer> rungs, int maxTrials, Mode mode) {

    /** How the results of a rung are ordered when deciding who goes on. */
    public enum Mode {
        /** In trial order (promotion order past the first rung): the same results at any parallelism. */
        REPRODUCIBLE("reproducible"),
        /** In the order they finish: no worker waits for a decision; a resumed sweep replays the journal's order. */
        FASTEST("fastest");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        /** Returns the name sweep.json uses. */
        public String id() {
            return id;
        }

        /** Returns the mode of a name. */
        public static Mode of(String id) {
            for (Mode m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("asha mode: expected reproducible or fastest, got " + id);
        }
    }

    /** Checks and copies. */
    public Asha {
        new Halving(rate, rungs); // the same checks
        rungs = List.copyOf(rungs);
        if (maxTrials < 0) {
            throw new IllegalArgumentException("--max-trials: expected a whole number >= 1, got " + maxTrials);
        }
        if (mode == null) {
            throw new IllegalArgumentException("asha mode: expected reproducible or fastest");
        }
    }

    /** Returns this ASHA with its rungs worked out for {@code epochs} epochs, as successive halving's would be. */
    public Asha withRungsFor(int epochs) {
        if (maxTrials == 0) {
            throw new IllegalStateException("the trials of this ASHA are not known yet: give it to a SweepSpec first");
        }
        return new Asha(rate, Halving.of(rate, maxTrials, epochs).rungs(), maxTrials, mode);
    }

    /** Returns the rungs as successive halving of {@code maxTrials} trials would run them. */
    public Halving asHalving() {
        return new Halving(rate, rungs);
    }
}
