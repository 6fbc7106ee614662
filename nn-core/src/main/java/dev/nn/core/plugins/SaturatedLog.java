package dev.nn.core.plugins;

/**
 * The natural logarithm of an output activation, with a saturated output (exactly 0, as
 * {@code 1 - sigmoid(40)} rounds to) taken at the smallest positive double instead: ln(0) would
 * be -∞, and one infinite term makes a whole history's cost infinite. So a saturated term costs
 * about 744, large and finite, and sums over any data set stay finite.
 */
final class SaturatedLog {

    /** ln(Double.MIN_VALUE), the cost of one saturated term. */
    static final double FLOOR = Math.log(Double.MIN_VALUE);

    private SaturatedLog() {
    }

    static double of(double a) {
        return a > 0 ? Math.log(a) : FLOOR;
    }
}
