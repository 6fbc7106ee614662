package dev.nn.monitor;

/**
 * A sudden fall of accuracy that recovers, as {@link SpikeDetector} finds it.
 *
 * @param epoch the epoch the accuracy fell in
 * @param before the accuracy of the epoch before
 * @param lowest the lowest accuracy until it recovered
 * @param lowestEpoch the epoch of the lowest accuracy
 * @param recovered the epoch it was back within the recovery margin of {@code before}
 */
public record Spike(int epoch, double before, double lowest, int lowestEpoch, int recovered) {

    /** Returns how far the accuracy fell, {@code before - lowest}. */
    public double depth() {
        return before - lowest;
    }
}
