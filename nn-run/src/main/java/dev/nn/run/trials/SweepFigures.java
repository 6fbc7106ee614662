package dev.nn.run.trials;

import dev.nn.run.RunLayout;
import dev.nn.sweep.SweepLayout;
import dev.nn.monitor.History;
import dev.nn.monitor.HistoryFiles;
import dev.nn.plot.Figure;
import dev.nn.plot.SweepCharts;
import dev.nn.sweep.SweepSpec;
import dev.nn.sweep.Trial;
import dev.nn.sweep.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of a finished sweep, drawn from its trials' files, for {@code nn sweep} and a sweep run from Java. */
public final class SweepFigures {

    private SweepFigures() {
    }

    /**
     * Draws {@code out}/test-accuracy.png and .svg, every point's test accuracy per epoch over its
     * seeds, and for a grid of two flags {@code out}/heat-map.png and .svg, the mean final test
     * accuracy of each point: the figures {@code nn sweep} draws when its trials are done.
     *
     * @param results what {@link dev.nn.sweep.Sweep#run} returned
     * @throws java.io.IOException if a trial's history.json cannot be read or a figure written
     */
    public static void draw(SweepSpec spec, Path out, List<TrialResult> results) throws java.io.IOException {
        Map<String, Trial> trials = new LinkedHashMap<>();
        spec.trials().forEach(t -> trials.put(t.name(), t));
        Map<String, List<History>> byPoint = new LinkedHashMap<>();
        for (TrialResult r : results) {
            Path history = SweepLayout.trial(out, r.trial()).resolve(RunLayout.HISTORY);
            if (r.ok() && Files.exists(history)) {
                byPoint.computeIfAbsent(trials.get(r.trial()).label(), k -> new ArrayList<>())
                        .add(HistoryFiles.readJson(history));
            }
        }
        List<Integer> rungs = spec.rungs();
        // trials that hold out validation data measure that, not the test set
        String metric = accuracyName(spec);
        Figure figure = SweepCharts.accuracy(metric, byPoint, rungs.subList(0, Math.max(0, rungs.size() - 1)));
        if (figure != null) {
            figure.save(out, SweepLayout.TEST_ACCURACY);
        }
        if (spec.grid().size() == 2 && spec.random() == null) {
            drawHeatMap(spec, out, trials, results);
        }
    }

    /** Draws DIR/heat-map.png and .svg for a two-flag grid: the mean final test accuracy of each point. */
    private static void drawHeatMap(SweepSpec spec, Path out, Map<String, Trial> trials, List<TrialResult> results)
            throws java.io.IOException {
        SweepSpec.Axis x = spec.grid().get(0);
        SweepSpec.Axis y = spec.grid().get(1);
        double[][] sum = new double[x.values().size()][y.values().size()];
        int[][] count = new int[x.values().size()][y.values().size()];
        // with successive halving, only the trials of the last rung reached: a trial stopped earlier ran fewer epochs
        int lastRung = results.stream().filter(TrialResult::ok).mapToInt(TrialResult::epochsRun).max().orElse(0);
        for (TrialResult r : results) {
            if (r.ok() && Double.isFinite(r.finalTestAccuracy()) && (spec.rungs().isEmpty() || r.epochsRun() == lastRung)) {
                Map<String, String> point = trials.get(r.trial()).point();
                int i = x.values().indexOf(point.get(x.name()));
                int j = y.values().indexOf(point.get(y.name()));
                sum[i][j] += r.finalTestAccuracy();
                count[i][j]++;
            }
        }
        double[][] mean = new double[sum.length][];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = new double[sum[i].length];
            for (int j = 0; j < sum[i].length; j++) {
                mean[i][j] = count[i][j] == 0 ? Double.NaN : sum[i][j] / count[i][j];
            }
        }
        String metric = "final " + accuracyName(spec).toLowerCase(java.util.Locale.ROOT);
        Figure figure = SweepCharts.heatMap(spec.rungs().isEmpty() ? metric
                : metric + " after " + lastRung + " epochs (the last rung reached)", x.name(), x.values(),
                y.name(), y.values(), mean);
        if (figure != null) {
            figure.save(out, SweepLayout.HEAT_MAP);
        }
    }

    /**
     * "Validation accuracy" if every trial holds out validation data ({@code --validation}: its
     * accuracies are of that), else "Test accuracy".
     */
    static String accuracyName(SweepSpec spec) {
        return spec.trials().stream().allMatch(SweepFigures::validates) ? "Validation accuracy" : "Test accuracy";
    }

    /**
     * Whether a trial's flags, read as {@code nn train} reads them, hold out validation data (its
     * accuracies are then of that); false for flags it refuses.
     */
    public static boolean validates(dev.nn.sweep.Trial trial) {
        try {
            return dev.nn.run.options.TrainingOptions.parse(trial.args()).validation;
        } catch (RuntimeException e) {
            return false; // a trial of flags nn train refuses failed: it measured nothing
        }
    }
}
