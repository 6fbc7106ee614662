package dev.nn.monitor;

import java.util.Arrays;
import java.util.List;

/**
 * Whether spikes go with bursts of large sign flips: epochs whose large flips (|w| at least 1e-3
 * before and after) exceed {@code factor} times the run's median, within {@code within} epochs of a
 * spike's fall.
 *
 * @param factor how many times the median makes a burst, such as 2
 * @param within how many epochs from the fall still count, such as 1
 */
public record FlipBursts(double factor, int within) {

    /** Twice the median, within one epoch. */
    public static final FlipBursts DEFAULT = new FlipBursts(2, 1);

    /** Returns how many of {@code spikes} have a burst near them, in the rows of one layer (one per epoch, in order). */
    public int spikesNearBursts(List<Spike> spikes, List<WeightStats> layerRows) {
        double[] large = layerRows.stream().mapToDouble(WeightStats::largeSignFlips).toArray();
        if (large.length == 0) {
            return 0;
        }
        double[] sorted = large.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        int near = 0;
        for (Spike spike : spikes) {
            for (int e = Math.max(1, spike.epoch() - within); e <= Math.min(large.length, spike.epoch() + within); e++) {
                if (large[e - 1] > factor * median) {
                    near++;
                    break;
                }
            }
        }
        return near;
    }
}
