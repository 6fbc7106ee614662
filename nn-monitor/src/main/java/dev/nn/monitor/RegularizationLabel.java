package dev.nn.monitor;

/** Names a run by its penalties, such as {@code "L2 lambda=0.2"}, for histories and plot legends. */
public final class RegularizationLabel {

    private RegularizationLabel() {
    }

    /** Returns {@code "no regularization"}, {@code "L2 lambda=…"}, {@code "L1 lambda=…"} or both. */
    public static String of(double l1, double l2) {
        if (l1 == 0 && l2 == 0) {
            return "no regularization";
        }
        String s2 = l2 != 0 ? "L2 lambda=" + l2 : "";
        String s1 = l1 != 0 ? "L1 lambda=" + l1 : "";
        return s2 + (!s2.isEmpty() && !s1.isEmpty() ? ", " : "") + s1;
    }
}
