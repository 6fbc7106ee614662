package dev.nn.core.plugins;

/** NumPy's {@code nan_to_num} for one value: NaN becomes 0, ±∞ the largest finite double. */
final class NanToNum {

    private NanToNum() {
    }

    static double of(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        if (x == Double.POSITIVE_INFINITY) {
            return Double.MAX_VALUE;
        }
        return x == Double.NEGATIVE_INFINITY ? -Double.MAX_VALUE : x;
    }
}
