package dev.nn.core.data;

import java.util.SplittableRandom;

/** The Fisher-Yates shuffle, the one order every shuffle in nn uses. */
public final class Shuffle {

    private Shuffle() {
    }

    /**
     * Shuffles {@code order} in place: for i from the end down to 1, swap i with a uniform j in [0, i].
     *
     * @param order the permutation. Modified.
     * @param random the source of randomness. Modified.
     */
    public static void inPlace(int[] order, SplittableRandom random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
