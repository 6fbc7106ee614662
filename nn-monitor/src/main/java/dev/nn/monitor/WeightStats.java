package dev.nn.monitor;

import java.util.Locale;

/**
 * What one layer's weights did in one epoch, as {@link WeightStatsMonitor} records it and
 * {@code weights.csv} holds it.
 *
 * @param epoch the epoch, from 1
 * @param layer the weight layer, from 1 (network2.py's {@code weights[layer - 1]})
 * @param meanAbs the mean of |w| at the end of the epoch
 * @param maxAbs the largest |w|
 * @param fractionZero the fraction of weights exactly 0
 * @param fractionSmall the fraction with |w| below 1e-3
 * @param signFlips the sign changes over all of the epoch's updates (w before times w after below 0)
 * @param largeSignFlips those of them with |w| at least 1e-3 before and after
 * @param updateNorm the Euclidean norm of the epoch's total change of the layer's weights
 */
public record WeightStats(int epoch, int layer, double meanAbs, double maxAbs, double fractionZero,
        double fractionSmall, long signFlips, long largeSignFlips, double updateNorm) {

    /** The header of {@code weights.csv}. */
    public static final String CSV_HEADER = "epoch,layer,mean_abs,max_abs,fraction_zero,fraction_below_1e-3,sign_flips,"
            + "large_sign_flips,update_norm";

    /** Returns this row as a line of {@code weights.csv}, numbers in full precision. */
    public String csv() {
        return String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%d,%d,%s", epoch, layer, meanAbs, maxAbs, fractionZero,
                fractionSmall, signFlips, largeSignFlips, updateNorm);
    }
}
