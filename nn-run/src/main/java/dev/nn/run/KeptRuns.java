package dev.nn.run;

import dev.nn.run.UsageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Keeps the runs a command made before: a command of several runs never replaces one of other flags unasked. */
public final class KeptRuns {

    private KeptRuns() {
    }

    /**
     * Refuses, unless {@code force}, a run directory that holds a run of other flags, finished or
     * not, or files that are no run at all: running {@code args} there would replace them.
     *
     * @param command the command that would run, as its message names it ({@code demo}, {@code study})
     * @throws UsageException naming the directory and the flags that differ
     */
    public static void refuseToReplace(Path runDir, List<String> args, boolean force, String command)
            throws IOException {
        if (force || !Files.isDirectory(runDir)) {
            return;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(runDir)) {
            if (entries.findAny().isEmpty()) {
                return;
            }
        }
        List<String> had = null;
        if (RunLayout.unfinished(runDir)) {
            had = CheckpointFile.read(runDir).args();
        } else if (Files.isRegularFile(runDir.resolve(RunLayout.RUN))) {
            had = RunFiles.command(runDir);
        }
        if (had != null && had.equals(args)) {
            return;
        }
        String which = had == null ? "files that are not a run of nn " + command : "a run of other flags ("
                + differences(had, args) + ")";
        throw new UsageException(runDir + " holds " + which + ", which this " + command + " would replace; give"
                + " --out DIR for a new " + command + ", or add --force to replace it");
    }

    /** Names the flags whose values differ, as "--epochs 400, not 5". */
    private static String differences(List<String> had, List<String> wanted) {
        java.util.Map<String, String> before = flags(had);
        java.util.Map<String, String> now = flags(wanted);
        List<String> parts = new ArrayList<>();
        for (String flag : now.keySet()) {
            String was = before.get(flag);
            if (!now.get(flag).equals(was)) {
                parts.add(was == null ? "without " + flag : flag + (was.isEmpty() ? "" : " " + was) + ", not "
                        + (now.get(flag).isEmpty() ? "without it" : now.get(flag)));
            }
        }
        before.keySet().stream().filter(f -> !now.containsKey(f)).forEach(f -> parts.add(f + " " + before.get(f)
                + ", not without it"));
        return parts.isEmpty() ? "in another order" : String.join("; ", parts);
    }

    private static java.util.Map<String, String> flags(List<String> args) {
        java.util.Map<String, String> flags = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            boolean valued = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            flags.merge(args.get(i), valued ? args.get(i + 1) : "", (a, b) -> a + " " + b);
            if (valued) {
                i++;
            }
        }
        return flags;
    }

}
