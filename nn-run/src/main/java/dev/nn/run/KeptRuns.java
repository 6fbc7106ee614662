package dev.nn.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Keeps the runs a command made before: a command of several runs never replaces one of other flags unasked. */
public final class KeptRuns {

    private KeptRuns() {
    }

    /**
     * Refuses, unless {@code force}, a run directory that holds a run of another spec, finished or
     * not, or files that are no run at all: running {@code spec} there would replace them.
     *
     * @param command the command that would run, as its message names it ({@code book ch6})
     * @throws UsageException naming the directory and the settings that differ
     */
    public static void refuseToReplace(Path runDir, RunSpec spec, boolean force, String command)
            throws IOException {
        if (force || !Files.isDirectory(runDir)) {
            return;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(runDir)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        }
        RunSpec had = recorded(runDir);
        if (had != null && had.equals(spec)) {
            return;
        }
        String which = had != null ? "a run of other settings (" + had.differenceFrom(spec) + ")"
                : RunLayout.isRun(runDir) ? "a run that does not record its settings (of an older nn)"
                : "files that are not a run of nn " + command;
        throw new UsageException(runDir + " holds " + which + ", which this " + command + " would replace; give"
                + " --out DIR for a new " + command + ", or add --force to replace it");
    }

    /** The spec of the run in {@code runDir}, from its checkpoint or run.json; null if neither records one. */
    static RunSpec recorded(Path runDir) throws IOException {
        try {
            if (RunLayout.unfinished(runDir)) {
                CheckpointFile.Saved saved = CheckpointFile.read(runDir);
                // a checkpoint of version 2 keeps the run's flags alone: the spec they make
                return saved.spec() != null ? saved.spec()
                        : dev.nn.run.options.TrainingOptions.parse(saved.args()).toSpec();
            }
            return Files.isRegularFile(runDir.resolve(RunLayout.RUN)) ? RunLayout.spec(runDir) : null;
        } catch (RuntimeException e) {
            return null; // a file of that name that is not a run's, or flags this nn does not take
        }
    }
}
