package dev.nn.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds spikes in an accuracy curve: epochs where the accuracy falls by at least {@code drop} from
 * one epoch to the next and is back within {@code margin} of the level before within
 * {@code window} epochs. A fall that does not recover in time (overfitting, divergence) is not a
 * spike. The epochs of one spike are not searched for another.
 *
 * @param drop the least fall, such as 0.03 (3 points)
 * @param margin how close to the level before counts as recovered, such as 0.01
 * @param window the most epochs the recovery may take, such as 10
 */
public record SpikeDetector(double drop, double margin, int window) {

    /** The defaults: a fall of 3 points that recovers to within 1 point in 10 epochs. */
    public static final SpikeDetector DEFAULT = new SpikeDetector(0.03, 0.01, 10);

    /** Checks the thresholds. */
    public SpikeDetector {
        if (!(drop > 0) || !(margin >= 0) || window < 1) {
            throw new IllegalArgumentException("spike thresholds must be drop > 0, margin >= 0, window >= 1; got "
                    + drop + ", " + margin + ", " + window);
        }
    }

    /**
     * Returns the spikes of {@code accuracy}, whose entry i is epoch {@code i + 1}; NaN entries (not
     * measured) are never part of a spike.
     */
    public List<Spike> find(double[] accuracy) {
        List<Spike> spikes = new ArrayList<>();
        int i = 1;
        while (i < accuracy.length) {
            double before = accuracy[i - 1];
            if (accuracy[i] <= before - drop) {
                int lowest = i;
                int end = Math.min(accuracy.length - 1, i + window);
                for (int j = i; j <= end; j++) {
                    lowest = accuracy[j] < accuracy[lowest] ? j : lowest;
                    if (accuracy[j] >= before - margin) {
                        spikes.add(new Spike(i + 1, before, accuracy[lowest], lowest + 1, j + 1));
                        i = j;
                        break;
                    }
                }
            }
            i++;
        }
        return spikes;
    }
}
