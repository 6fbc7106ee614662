package dev.nn.monitor;

import dev.nn.core.network.Regularization;
import java.util.List;
import java.util.stream.Collectors;

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

    /**
     * Returns the label of any penalties, in order: {@code "L1 lambda=0.2"} and {@code "L2 lambda=0.2"}
     * for the book's two, the id for the others ({@code "l1-prox lambda=0.2"}); those with lambda 0
     * are left out.
     */
    public static String of(List<Regularization> regularizations) {
        String label = regularizations.stream().filter(r -> r.lambda() != 0)
                .map(r -> name(r.regularizer().id()) + " lambda=" + r.lambda())
                .collect(Collectors.joining(", "));
        return label.isEmpty() ? "no regularization" : label;
    }

    private static String name(String id) {
        return id.equals("l1") || id.equals("l2") ? id.toUpperCase(java.util.Locale.ROOT) : id;
    }
}
