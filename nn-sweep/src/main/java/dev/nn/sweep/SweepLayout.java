package dev.nn.sweep;

import java.nio.file.Path;

/**
 * The files of a sweep's directory, named once: what {@link Sweep} writes, and what the page,
 * the Spark engine and the app read.
 */
public final class SweepLayout {

    /** The sweep's spec: grid, random search, seeds, base flags, halving. */
    public static final String SPEC = "sweep.json";
    /** A line per finished trial run and per rung decided, appended as they happen. */
    public static final String JOURNAL = "journal.jsonl";
    /** A row per trial. */
    public static final String RESULTS = "results.csv";
    /** Per point, the spread over its seeds; per rung, who went on. */
    public static final String SUMMARY = "summary.md";
    /** The directory of the trials' run directories. */
    public static final String TRIALS = "trials";
    /** The figure of every point's test accuracy per epoch, as .png and .svg. */
    public static final String TEST_ACCURACY = "test-accuracy";
    /** The heat map of a two-flag grid, as .png and .svg. */
    public static final String HEAT_MAP = "heat-map";

    private SweepLayout() {
    }

    /** Returns the run directory of the trial {@code name} of the sweep in {@code sweepDir}. */
    public static Path trial(Path sweepDir, String name) {
        return sweepDir.resolve(TRIALS).resolve(name);
    }
}
