package dev.nn.dashboard;

import dev.nn.monitor.EpochLog;
import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import dev.nn.monitor.HistoryFiles;
import dev.nn.sweep.SweepSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Run and sweep directories as nn writes them, made up for the tests. */
final class Fixtures {

    private Fixtures() {
    }

    static EpochRecord epoch(int e) {
        double acc = 0.9 - 0.5 / (e + 1);
        return new EpochRecord(e, acc + 0.05, acc, 1.0 / e, 1.2 / e);
    }

    static History history(int epochs) {
        List<EpochRecord> records = new ArrayList<>();
        for (int e = 1; e <= epochs; e++) {
            records.add(epoch(e));
        }
        return new History("made up", records);
    }

    /** A finished run: history.json and run.json. */
    static Path finishedRun(Path dir, int epochs) throws IOException {
        Files.createDirectories(dir);
        HistoryFiles.writeJson(dir.resolve("history.json"), history(epochs));
        Files.writeString(dir.resolve("run.json"), "{\"command\": [\"nn\", \"train\"], \"config\": {\"layers\":"
                + " [784, 30, 10], \"epochs\": " + epochs + ", \"eta\": 0.5, \"l2\": 0.2}, \"result\": {\"stop\":"
                + " \"completed\"}}");
        return dir;
    }

    /** A run in progress in this process: epochs.jsonl with {@code epochs} epochs and a lock naming this process. */
    static Path liveRun(Path dir, int epochs) throws IOException {
        Files.createDirectories(dir);
        StringBuilder text = new StringBuilder("{\"command\": [\"nn\", \"train\", \"--epochs\", \"400\"]}\n");
        for (int e = 1; e <= epochs; e++) {
            text.append(HistoryFiles.toJsonLine(epoch(e))).append('\n');
        }
        Files.writeString(dir.resolve(EpochLog.NAME), text);
        Files.writeString(dir.resolve(".nn-lock"), ProcessHandle.current().pid() + "\n");
        return dir;
    }

    static void appendEpoch(Path dir, int e) throws IOException {
        Files.writeString(dir.resolve(EpochLog.NAME), HistoryFiles.toJsonLine(epoch(e)) + "\n",
                StandardOpenOption.APPEND);
    }

    /** A finished sweep of a two-flag grid, {@code seeds} seeds each. */
    static Path sweep(Path dir, List<String> etas, List<String> l1s, int seeds) throws IOException {
        List<Long> seedList = new ArrayList<>();
        for (long s = 1; s <= seeds; s++) {
            seedList.add(s);
        }
        SweepSpec spec = new SweepSpec(List.of(new SweepSpec.Axis("eta", etas), new SweepSpec.Axis("l1", l1s)),
                seedList, List.of("--epochs", "3"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("sweep.json"), spec.toJson());
        StringBuilder csv = new StringBuilder("trial,status,eta,l1,seed,epochs_run,final_test_accuracy,"
                + "best_test_accuracy,best_epoch,final_test_cost,min_test_cost,spikes,seconds,run_dir,reason\n");
        for (var t : spec.trials()) {
            double acc = 0.8 + 0.01 * t.index() % 0.1;
            csv.append(String.format(Locale.ROOT, "%s,ok,%s,%s,%d,3,%s,%s,3,0.5,0.5,0,1.000,trials/%s,%n", t.name(),
                    t.point().get("eta"), t.point().get("l1"), t.seed(), acc, acc, t.name()));
            finishedRun(dir.resolve("trials").resolve(t.name()), 3);
        }
        Files.writeString(dir.resolve("results.csv"), csv);
        return dir;
    }

    /**
     * A sweep of the same grid as {@link #sweep} that is running: its journal records the first
     * {@code finished} trials (and a line being written), the next one has a live run, and there is no
     * results.csv yet.
     */
    static Path runningSweep(Path dir, int finished) throws IOException {
        sweep(dir, List.of("0.25", "0.5"), List.of("0", "0.2"), 2);
        Files.delete(dir.resolve("results.csv"));
        List<String> trials = trialNames(dir);
        Files.writeString(dir.resolve("journal.jsonl"), "");
        for (int t = 0; t < finished; t++) {
            finishTrial(dir, trials.get(t));
        }
        Files.writeString(dir.resolve("journal.jsonl"), "{\"trial\":\"" + trials.get(finished).substring(0, 4),
                java.nio.file.StandardOpenOption.APPEND);
        liveRun(dir.resolve("trials").resolve(trials.get(finished)), 1);
        return dir;
    }

    /** The names of a sweep's trials, in its order. */
    static List<String> trialNames(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        SweepSpec.fromJson(Files.readString(dir.resolve("sweep.json"))).trials().forEach(t -> names.add(t.name()));
        return names;
    }

    /** Appends a finished trial to a sweep's journal as the sweep does: a whole line (ending one cut short). */
    static void finishTrial(Path dir, String trial) throws IOException {
        Path journal = dir.resolve("journal.jsonl");
        String text = Files.readString(journal);
        String line = "{\"trial\":\"" + trial + "\",\"status\":\"ok\",\"reason\":\"\",\"epochsRun\":3,"
                + "\"finalTestAccuracy\":0.8125,\"bestTestAccuracy\":0.8125,\"bestEpoch\":3,\"finalTestCost\":0.5,"
                + "\"minTestCost\":0.5,\"spikes\":0,\"seconds\":1.0}\n";
        Files.writeString(journal, (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + line,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
