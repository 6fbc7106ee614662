package dev.nn.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * Successive halving: every trial runs to the first rung's epochs, the best {@code 1/rate} of them
 * (by the test accuracy at that epoch, ties to the earlier trial) go on to the next rung, and so on
 * to the last rung, the trials' own epochs. With {@code n} trials rung {@code i} (from 0) runs
 * {@code max(1, n / rate^i)} of them.
 *
 * @param rate the reduction factor, at least 2
 * @param rungs the epochs of each rung, increasing; the last is the trials' epochs. Empty in a spec
 *     file that leaves them to be worked out ({@link #of}) from the trials and their epochs
 */
public record Halving(int rate, List<Integer> rungs) {

    /** The reduction factor of {@code --halving} alone. */
    public static final int DEFAULT_RATE = 3;

    /** Checks and copies. */
    public Halving {
        if (rate < 2) {
            throw new IllegalArgumentException("halving rate: expected a whole number >= 2, got " + rate);
        }
        rungs = List.copyOf(rungs);
        for (int i = 0; i < rungs.size(); i++) {
            if (rungs.get(i) < 1 || i > 0 && rungs.get(i) <= rungs.get(i - 1)) {
                throw new IllegalArgumentException("halving rungs: expected increasing epochs >= 1, got " + rungs);
            }
        }
    }

    /**
     * Returns the rungs for {@code trials} trials of {@code epochs} epochs: as many as keep at least one
     * trial in the last rung and at least one epoch in the first, the last at {@code epochs} and each
     * other {@code rate} times fewer epochs than the next (rounded down).
     */
    public static Halving of(int rate, int trials, int epochs) {
        if (trials < 1 || epochs < 1) {
            throw new IllegalArgumentException("halving needs trials and epochs, got " + trials + " and " + epochs);
        }
        int count = 1;
        for (long n = trials, e = epochs; n >= rate && e >= rate; n /= rate, e /= rate) {
            count++;
        }
        List<Integer> rungs = new ArrayList<>();
        long divisor = 1;
        for (int i = 1; i < count; i++) {
            divisor *= rate;
        }
        for (int i = 0; i < count; i++) {
            rungs.add((int) (epochs / divisor));
            divisor /= rate;
        }
        return new Halving(rate, rungs);
    }

    /** Returns how many of {@code n} trials of a rung go on to the next. */
    public int survivors(int n) {
        return Math.max(1, n / rate);
    }

    /** Returns how many of {@code trials} trials each rung runs at most: {@code trials}, then each rung's survivors. */
    public List<Integer> trialsPerRung(int trials) {
        List<Integer> counts = new ArrayList<>();
        for (int i = 0, n = trials; i < rungs.size(); i++, n = survivors(n)) {
            counts.add(n);
        }
        return counts;
    }

    /** Returns how many trial runs the rungs take in all for {@code trials} trials. */
    public int runs(int trials) {
        return trialsPerRung(trials).stream().mapToInt(Integer::intValue).sum();
    }

    /** Returns the epochs of the last rung, the trials' own; 0 if the rungs are not worked out yet. */
    public int epochs() {
        return rungs.isEmpty() ? 0 : rungs.get(rungs.size() - 1);
    }
}
