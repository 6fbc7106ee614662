package dev.nn.app.run;

import dev.nn.monitor.FlipBursts;
import dev.nn.monitor.History;
import dev.nn.monitor.Spike;
import dev.nn.monitor.SpikeDetector;
import dev.nn.monitor.WeightStats;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report of {@code nn study l1-spikes}: one row per run, the means per variant, and the figures. */
public final class L1SpikesReport {

    /**
     * One run of the study.
     *
     * @param variant the variant's name
     * @param description eta and penalty, for the table
     * @param seed the run's seed
     * @param directory the run's directory in the study's, such as {@code trials/l1-seed=3}
     * @param history its per-epoch metrics
     * @param weights its weight statistics
     */
    public record Run(String variant, String description, long seed, String directory, History history,
            List<WeightStats> weights) {

        List<Spike> spikes() {
            return SpikeDetector.DEFAULT.find(history.testAccuracy());
        }

        List<WeightStats> firstLayer() {
            return weights.stream().filter(w -> w.layer() == 1).toList();
        }

        double finalTest() {
            return history.last().testAccuracy();
        }

        double bestTest() {
            return java.util.Arrays.stream(history.testAccuracy()).max().orElse(Double.NaN);
        }

        double finalZeros() {
            List<WeightStats> rows = firstLayer();
            return rows.get(rows.size() - 1).fractionZero();
        }

        double flipsPerEpoch() {
            return firstLayer().stream().mapToLong(WeightStats::signFlips).average().orElse(Double.NaN);
        }

        double largeFlipsPerEpoch() {
            return firstLayer().stream().mapToLong(WeightStats::largeSignFlips).average().orElse(Double.NaN);
        }

        int spikesNearBursts() {
            return FlipBursts.DEFAULT.spikesNearBursts(spikes(), firstLayer());
        }

    }

    private L1SpikesReport() {
    }

    /** Returns report.md for these runs, {@code epochs} long each. */
    public static String markdown(List<Run> runs, int epochs) {
        StringBuilder md = new StringBuilder("# What makes L1's accuracy spike\n\n");
        md.append(String.format(Locale.ROOT, "Every run: 784-30-10 on the first 1000 training images, %d epochs, batch 10,"
                + " cross-entropy, sigmoid, weights and shuffles from the seed. A spike is a fall of the test accuracy"
                + " by at least 3 points from one epoch to the next that is back within 1 point within 10 epochs. A"
                + " burst of large flips is an epoch in which more than twice the run's median of first-layer weights"
                + " change sign with |w| >= 1e-3 before and after; a spike is near one if it is within 1 epoch of"
                + " the fall. Zeros, flips and large flips are of the first layer (23520 weights).%n%n", epochs));
        md.append("| run | eta, penalty | seed | spikes | near a burst of large flips | final test | best test |"
                + " exact zeros at the end | sign flips per epoch | large sign flips per epoch |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Run r : runs) {
            md.append(String.format(Locale.ROOT, "| [%s](%s/) | %s | %d | %d | %d | %.4f | %.4f | %.1f%% | %.0f | %.0f |%n",
                    r.variant(), r.directory(), r.description(), r.seed(), r.spikes().size(), r.spikesNearBursts(),
                    r.finalTest(), r.bestTest(), 100 * r.finalZeros(), r.flipsPerEpoch(), r.largeFlipsPerEpoch()));
        }
        md.append("\n## Means over the seeds\n\n");
        md.append("| variant | eta, penalty | spikes | near a burst | final test | exact zeros | sign flips per epoch |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        Map<String, List<Run>> byVariant = runs.stream()
                .collect(Collectors.groupingBy(Run::variant, LinkedHashMap::new, Collectors.toList()));
        byVariant.forEach((variant, list) -> md.append(String.format(Locale.ROOT,
                "| %s | %s | %.1f | %.1f | %.4f | %.1f%% | %.0f |%n", variant, list.get(0).description(),
                mean(list, r -> r.spikes().size()), mean(list, Run::spikesNearBursts), mean(list, Run::finalTest),
                100 * mean(list, Run::finalZeros), mean(list, Run::flipsPerEpoch))));
        md.append("\n## Figures (first seed)\n\nTest and training accuracy with the spikes marked, the first layer's"
                + " sign flips per epoch (all, and large) and its fractions of small and exactly zero weights.\n");
        byVariant.forEach((variant, list) -> md.append(String.format(Locale.ROOT, "%n### %s (%s)%n%n![%s](%s/weights.png)%n",
                variant, list.get(0).description(), variant, list.get(0).directory())));
        return md.toString();
    }

    private static double mean(List<Run> runs, java.util.function.ToDoubleFunction<Run> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }
}
