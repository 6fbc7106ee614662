package dev.nn.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asynchronous successive halving: the ladder's decisions on known sequences, and whole sweeps of 24
 * trials whose runs take random times, so that results arrive in a different order at every run.
 */
class AshaTests {

    /** 8 points times 3 seeds, 9 epochs: rungs of 1, 3 and 9 epochs. */
    private static SweepSpec spec(Asha.Mode mode) {
        SweepSpec grid = new SweepSpec(List.of(new SweepSpec.Axis("eta",
                List.of("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8"))), List.of(1L, 2L, 3L),
                List.of("--epochs", "9"));
        SweepSpec spec = grid.withAsha(new Asha(3, List.of(), 0, mode));
        return spec.withAsha(spec.asha().withRungsFor(9));
    }

    /**
     * A trial whose test accuracy at epoch e is {@code a + b e} with a and b drawn from its name, so
     * that curves cross; each run sleeps a random time drawn from {@code timing}, so that at more
     * than one worker results finish in a different order at every run.
     */
    private static TrialRunner fake(List<String> calls, SplittableRandom timing) {
        return (t, dir, pauseAfter) -> {
            long sleep;
            synchronized (calls) {
                calls.add(t.name() + "@" + pauseAfter);
                sleep = timing.nextLong(8);
            }
            Thread.sleep(sleep);
            SplittableRandom r = new SplittableRandom(t.name().hashCode());
            double a = 0.5 * r.nextDouble();
            double b = 0.05 * r.nextDouble();
            List<EpochRecord> records = new ArrayList<>();
            for (int e = 1; e <= (pauseAfter == 0 ? 9 : pauseAfter); e++) {
                records.add(new EpochRecord(e, Double.NaN, a + b * e, Double.NaN, 1.0));
            }
            return new History("x", records);
        };
    }

    private static String rows(Path dir) throws IOException {
        return Files.readString(dir.resolve("results.csv")).replaceAll(",\\d+\\.\\d{3},(\"?)trials/", ",S,$1trials/");
    }

    private static List<String> promotions(Path dir) throws IOException {
        return Files.readAllLines(dir.resolve("journal.jsonl")).stream().filter(l -> l.startsWith("{\"promote\"")).toList();
    }

    /** The promotions of each rung in the order made; the rungs' lines interleave as timing has it. */
    private static List<String> promotionsByRung(Path dir) throws IOException {
        return promotions(dir).stream().sorted(java.util.Comparator.comparing(l -> l.substring(l.indexOf("\"rung\"")))).toList();
    }

    private static TrialResult result(String trial, double accuracy) {
        return new TrialResult(trial, "ok", "", 1, accuracy, accuracy, 1, 0.1, 0.1, 0, 1);
    }

    @Test
    void aTrialGoesOnAsSoonAsItRanksInTheBestThirdOfItsRungSoFar() {
        List<Trial> trials = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            trials.add(new Trial(i, Map.of(), 1, List.of()));
        }
        AshaLadder ladder = new AshaLadder(new Asha(3, List.of(1, 3), 6, Asha.Mode.FASTEST), trials);
        List<String> names = trials.stream().map(Trial::name).toList();
        assertEquals(new AshaLadder.Job(trials.get(0), 1, null), ladder.take());
        assertEquals(List.of(), ladder.record(1, result(names.get(0), 0.5)));
        assertEquals(List.of(), ladder.record(1, result(names.get(1), 0.7)));
        // the third result: the best one of three goes on
        assertEquals(List.of(new Journal.Promoted(names.get(1), 1, 1)), ladder.record(1, result(names.get(2), 0.6)));
        // four results: still the best one, now 0.9, which goes on too
        assertEquals(List.of(new Journal.Promoted(names.get(3), 1, 1)), ladder.record(1, result(names.get(3), 0.9)));
        assertEquals(List.of(), ladder.record(1, result(names.get(4), 0.1)));
        // six results: the best two, 0.9 and 0.7, went on already
        assertEquals(List.of(), ladder.record(1, result(names.get(5), 0.2)));
        assertEquals(List.of(names.get(1), names.get(3)), ladder.promotedFrom(1));
        assertEquals(8, ladder.runs());
    }

    @Test
    void reproducibleModeDecidesInTrialOrderWhateverOrderResultsFinishIn() {
        List<Trial> trials = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            trials.add(new Trial(i, Map.of(), 1, List.of()));
        }
        AshaLadder ladder = new AshaLadder(new Asha(3, List.of(1, 3), 3, Asha.Mode.REPRODUCIBLE), trials);
        assertEquals(List.of(), ladder.record(1, result(trials.get(2).name(), 0.9)));
        assertEquals(List.of(), ladder.record(1, result(trials.get(1).name(), 0.8)), "the first trial is not in yet");
        assertEquals(List.of(new Journal.Promoted(trials.get(2).name(), 1, 1)),
                ladder.record(1, result(trials.get(0).name(), 0.1)));
        assertEquals(new AshaLadder.Job(trials.get(2), 2, null), ladder.take(), "the highest rung's promotion first");
    }

    @Test
    void reproducibleResultsAreTheSameAtAnyParallelismAndTiming(@TempDir Path root) throws Exception {
        SweepSpec spec = spec(Asha.Mode.REPRODUCIBLE);
        assertEquals(List.of(1, 3, 9), spec.asha().rungs());
        assertEquals(24, spec.trials().size());
        String first = null;
        List<String> firstPromotions = null;
        int[][] runs = {{1, 1}, {2, 2}, {2, 3}, {4, 4}};
        for (int[] run : runs) {
            Path dir = root.resolve("p" + run[0] + "-" + run[1]);
            List<String> calls = Collections.synchronizedList(new ArrayList<>());
            new Sweep(spec, dir, fake(calls, new SplittableRandom(run[1])), run[0], new SweepListener() { },
                    () -> false).run();
            if (first == null) {
                first = rows(dir);
                firstPromotions = promotionsByRung(dir);
                assertTrue(calls.size() > 24 + 8, "ASHA ran its promotions: " + calls);
                assertTrue(first.contains(",ok,") && first.lines().count() == 25, first);
            } else {
                assertEquals(first, rows(dir), "parallel " + run[0]);
                assertEquals(firstPromotions, promotionsByRung(dir), "parallel " + run[0]);
            }
        }
        assertTrue(Files.readString(root.resolve("p2-2/summary.md")).contains(
                "## Asynchronous successive halving (ASHA)"));
    }

    @Test
    void fastestModeAtOneWorkerDecidesAsReproducibleModeDoes(@TempDir Path one, @TempDir Path two) throws Exception {
        new Sweep(spec(Asha.Mode.REPRODUCIBLE), one, fake(new ArrayList<>(), new SplittableRandom(1)), 1,
                new SweepListener() { }, () -> false).run();
        new Sweep(spec(Asha.Mode.FASTEST), two, fake(new ArrayList<>(), new SplittableRandom(2)), 1,
                new SweepListener() { }, () -> false).run();
        assertEquals(rows(one), rows(two));
        assertEquals(promotions(one), promotions(two));
    }

    @Test
    void aStoppedReproducibleSweepResumesToTheSameRows(@TempDir Path whole, @TempDir Path stopped) throws Exception {
        SweepSpec spec = spec(Asha.Mode.REPRODUCIBLE);
        new Sweep(spec, whole, fake(new ArrayList<>(), new SplittableRandom(3)), 2, new SweepListener() { },
                () -> false).run();
        for (int stopAfter : new int[] {5, 17, 29}) {
            List<String> calls = Collections.synchronizedList(new ArrayList<>());
            new Sweep(spec, stopped, fake(calls, new SplittableRandom(stopAfter)), 2, new SweepListener() { },
                    () -> calls.size() >= stopAfter).run();
        }
        // a kill between a result and its promotions: the journal's last promotion is lost
        List<String> lines = new ArrayList<>(Files.readAllLines(stopped.resolve("journal.jsonl")));
        int last = lines.size() - 1;
        while (!lines.get(last).startsWith("{\"promote\"")) {
            last--;
        }
        String lost = lines.remove(last);
        Files.write(stopped.resolve("journal.jsonl"), lines);
        new Sweep(spec, stopped, fake(new ArrayList<>(), new SplittableRandom(4)), 2, new SweepListener() { },
                () -> false).run();
        assertEquals(rows(whole), rows(stopped));
        assertTrue(promotions(stopped).contains(lost), "the lost promotion is made again: " + lost);
        assertEquals(promotions(whole).stream().sorted().toList(), promotions(stopped).stream().sorted().toList());
    }

    @Test
    void aStoppedFastestSweepReplaysItsJournalsDecisions(@TempDir Path dir) throws Exception {
        SweepSpec spec = spec(Asha.Mode.FASTEST);
        List<String> calls = Collections.synchronizedList(new ArrayList<>());
        new Sweep(spec, dir, fake(calls, new SplittableRandom(5)), 3, new SweepListener() { },
                () -> calls.size() >= 20).run();
        List<String> before = Files.readAllLines(dir.resolve("journal.jsonl"));
        String rowsBefore = rows(dir);
        new Sweep(spec, dir, fake(calls, new SplittableRandom(6)), 3, new SweepListener() { }, () -> false).run();
        List<String> after = Files.readAllLines(dir.resolve("journal.jsonl"));
        assertEquals(before, after.subList(0, before.size()), "what was decided stands");
        for (String row : rowsBefore.lines().skip(1).toList()) {
            String trial = row.substring(0, row.indexOf(','));
            assertTrue(rows(dir).contains(trial + ","), trial);
        }
        // the whole journal, read in its order, makes exactly the promotions it holds: run again, nothing changes
        int callsBefore = calls.size();
        new Sweep(spec, dir, fake(calls, new SplittableRandom(7)), 3, new SweepListener() { }, () -> false).run();
        assertEquals(callsBefore, calls.size());
        assertEquals(after, Files.readAllLines(dir.resolve("journal.jsonl")));
        assertEquals(24, Files.readAllLines(dir.resolve("results.csv")).size() - 1);
    }

    @Test
    void aJournalWhosePromotionsItsResultsDoNotMakeIsRefused(@TempDir Path dir) throws Exception {
        SweepSpec spec = spec(Asha.Mode.REPRODUCIBLE);
        new Sweep(spec, dir, fake(new ArrayList<>(), new SplittableRandom(1)), 1, new SweepListener() { },
                () -> false).run();
        Path journal = dir.resolve("journal.jsonl");
        String promoted = promotions(dir).get(0);
        String name = promoted.substring(12, promoted.indexOf('"', 12));
        String all = promotions(dir).toString();
        String other = spec.trials().stream().map(Trial::name).filter(n -> !all.contains(n))
                .findFirst().orElseThrow();
        Files.writeString(journal, Files.readString(journal).replace("{\"promote\":\"" + name + "\"",
                "{\"promote\":\"" + other + "\""));
        IOException e = assertThrows(IOException.class, () -> new Sweep(spec, dir,
                fake(new ArrayList<>(), new SplittableRandom(1)), 1, new SweepListener() { }, () -> false).run());
        assertTrue(e.getMessage().endsWith(": promotes " + other + " from rung 1, which the results before it do not:"
                + " not this sweep's journal"), e.getMessage());
    }

    @Test
    void retryFailedRunsExactlyTheFailedTrialsAgain(@TempDir Path dir, @TempDir Path clean) throws Exception {
        for (SweepSpec spec : List.of(spec(Asha.Mode.REPRODUCIBLE), new SweepSpec(spec(Asha.Mode.FASTEST).grid(),
                List.of(1L, 2L, 3L), List.of("--epochs", "9")))) {
            Path d = dir.resolve(spec.asha() == null ? "grid" : "asha");
            List<String> calls = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger attempts = new AtomicInteger();
            TrialRunner flaky = (t, runDir, pause) -> {
                if (attempts.incrementAndGet() % 5 == 0) {
                    throw new IOException("disk full");
                }
                return fake(calls, new SplittableRandom(1)).run(t, runDir, pause);
            };
            new Sweep(spec, d, flaky, 2, new SweepListener() { }, () -> false).run();
            List<String> failed = Files.readAllLines(d.resolve("results.csv")).stream()
                    .filter(l -> l.contains(",failed,")).map(l -> l.substring(0, l.indexOf(','))).toList();
            assertTrue(failed.size() >= 4, failed.toString());

            // without --retry-failed they stay failed
            int before = attempts.get();
            new Sweep(spec, d, flaky, 2, new SweepListener() { }, () -> false).run();
            assertEquals(before, attempts.get());

            List<String> retried = Collections.synchronizedList(new ArrayList<>());
            new Sweep(spec, d, (t, runDir, pause) -> {
                retried.add(t.name());
                return fake(calls, new SplittableRandom(1)).run(t, runDir, pause);
            }, 2, new SweepListener() { }, () -> false).retryFailed(true).run();
            if (spec.asha() == null) {
                assertEquals(failed.stream().sorted().toList(), retried.stream().sorted().toList());
                new Sweep(spec, clean, fake(new ArrayList<>(), new SplittableRandom(1)), 2, new SweepListener() { },
                        () -> false).run();
                assertEquals(rows(clean), rows(d), "a retried grid is the grid that never failed");
            } else {
                assertTrue(retried.containsAll(failed), retried + " " + failed);
            }
            assertTrue(Files.readAllLines(d.resolve("results.csv")).stream().noneMatch(l -> l.contains(",failed,")));
            assertEquals(failed.size(), Files.readAllLines(d.resolve("journal.jsonl")).stream()
                    .filter(l -> l.startsWith("{\"retry\"")).count());
        }
    }

    @Test
    void theSpecCarriesAshaAndRepeats() {
        SweepSpec spec = spec(Asha.Mode.FASTEST);
        assertEquals(spec, SweepSpec.fromJson(spec.toJson()));
        assertTrue(spec.toJson().contains("\"asha\": {\n    \"rate\": 3,\n    \"rungs\": [\n      1,\n      3,\n      9\n"
                + "    ],\n    \"maxTrials\": 24,\n    \"mode\": \"fastest\"\n  }"), spec.toJson());
        assertNotEquals(null, spec.differenceFrom(spec(Asha.Mode.REPRODUCIBLE)));
        assertEquals("asha rate 3, rungs [1, 3, 9], 24 trials, reproducible was rate 3, rungs [1, 3, 9], 24 trials,"
                + " fastest", spec.differenceFrom(spec(Asha.Mode.REPRODUCIBLE)));
        SweepSpec ten = SweepSpec.fromJson("{\"grid\": [{\"name\": \"eta\", \"values\": [0.1, 0.5]}], \"seeds\": [7],"
                + " \"repeats\": 3, \"base\": [], \"asha\": {\"maxTrials\": 5}}");
        assertEquals(List.of(7L, 8L, 9L), ten.seeds());
        assertEquals(5, ten.trials().size());
        assertEquals(new Asha(3, List.of(), 5, Asha.Mode.REPRODUCIBLE), ten.asha());
        assertEquals("--max-trials 7: the sweep has 6 trials (the grid's points times the random points times the"
                + " seeds)", assertThrows(IllegalArgumentException.class, () -> ten.withAsha(new Asha(3, List.of(), 7,
                        Asha.Mode.REPRODUCIBLE))).getMessage());
        assertEquals("--halving and --asha are two ways to stop trials early: give one", assertThrows(
                IllegalArgumentException.class, () -> ten.withHalving(new Halving(3, List.of()))).getMessage());
        assertEquals("field 'repeats': derives the seeds from one first seed, got seeds [1, 2]", assertThrows(
                IllegalArgumentException.class, () -> SweepSpec.fromJson("{\"grid\": [], \"seeds\": [1, 2],"
                        + " \"repeats\": 2, \"base\": []}")).getMessage());
        assertEquals("asha mode: expected reproducible or fastest, got quick", assertThrows(
                IllegalArgumentException.class, () -> SweepSpec.fromJson("{\"grid\": [], \"seeds\": [1], \"base\": [],"
                        + " \"asha\": {\"mode\": \"quick\"}}")).getMessage());
    }
}
