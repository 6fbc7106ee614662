package dev.nn.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTests {

    private static final SweepSpec SPEC = new SweepSpec(List.of(new SweepSpec.Axis("eta", List.of("0.25", "0.5")),
            new SweepSpec.Axis("l1", List.of("0", "0.2"))), List.of(1L, 2L), List.of("--epochs", "3"));

    @Test
    void aSweepTooLargeToDrawIsRefusedBeforeItIsDrawn() {
        RandomSearch.Range eta = new RandomSearch.Range("eta", RandomSearch.Kind.UNIFORM, List.of("0.1", "1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SweepSpec(List.of(),
                new RandomSearch(2_000_000_000, 1, List.of(eta)), List.of(1L), List.of()));
        assertEquals("a sweep of more than 100000 trials (the grid's points times the random points times the seeds);"
                + " split it, or sweep fewer values", e.getMessage());
        assertEquals(100_000, new SweepSpec(List.of(), new RandomSearch(50_000, 1, List.of(eta)), List.of(1L, 2L),
                List.of()).trials().size());
        assertEquals("random eta: uniform needs a range whose width is a finite number, got [-1e308, 1e308]",
                assertThrows(IllegalArgumentException.class, () -> new RandomSearch.Range("eta",
                        RandomSearch.Kind.UNIFORM, List.of("-1e308", "1e308"))).getMessage());
    }

    @Test
    void trialsAreTheGridTimesTheSeedsInOrder() {
        List<Trial> trials = SPEC.trials();
        assertEquals(8, trials.size());
        assertEquals("t001-eta=0.25-l1=0-seed=1", trials.get(0).name());
        assertEquals("t008-eta=0.5-l1=0.2-seed=2", trials.get(7).name());
        assertEquals(List.of("--epochs", "3", "--eta", "0.5", "--l1", "0", "--seed", "2"), trials.get(5).args());
    }

    @Test
    void theSpecRoundTripsAndSaysWhatChanged() {
        assertEquals(SPEC, SweepSpec.fromJson(SPEC.toJson()));
        assertNull(SPEC.differenceFrom(SPEC));
        SweepSpec other = new SweepSpec(SPEC.grid(), List.of(1L, 2L, 3L), SPEC.base());
        assertEquals("seeds [1, 2, 3] were [1, 2]", SPEC.differenceFrom(other));
        SweepSpec longer = new SweepSpec(SPEC.grid(), SPEC.seeds(), List.of("--epochs", "4", "--monitor"));
        assertEquals("base flags --epochs 4 (was 3), --monitor (not given before)", SPEC.differenceFrom(longer));
        assertEquals("base flags --epochs 3 (was 4), --monitor (given before, not now)", longer.differenceFrom(SPEC));
        assertThrows(IllegalArgumentException.class, () -> new SweepSpec(List.of(), List.of(1L), List.of("--seed", "3")));
    }

    /** A preset's runs: named, each with its flags, as nn demo and nn study run them. */
    private static final SweepSpec PRESET = new SweepSpec(List.of(SweepSpec.Axis.named("regularization",
            namedRuns())), List.of(3L), List.of("--epochs", "3"));

    private static Map<String, List<String>> namedRuns() {
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("none", List.of());
        runs.put("l2", List.of("--l2", "0.2"));
        runs.put("l1-prox", List.of("--regularizer", "l1-prox=0.2", "--weight-stats"));
        return runs;
    }

    @Test
    void namedRunsAreNamedByTheirNamesAndGetTheirOwnFlags() {
        List<Trial> trials = PRESET.trials();
        assertEquals(List.of("none", "l2", "l1-prox"), trials.stream().map(Trial::name).toList());
        assertEquals(List.of("--epochs", "3", "--seed", "3"), trials.get(0).args());
        assertEquals(List.of("--epochs", "3", "--regularizer", "l1-prox=0.2", "--weight-stats", "--seed", "3"),
                trials.get(2).args());
        assertEquals("regularization=l2", trials.get(1).label());
        SweepSpec seeds = new SweepSpec(PRESET.grid(), List.of(3L, 1L), PRESET.base());
        assertEquals(List.of("none-seed=3", "none-seed=1", "l2-seed=3", "l2-seed=1", "l1-prox-seed=3",
                "l1-prox-seed=1"), seeds.trials().stream().map(Trial::name).toList());
        assertEquals(PRESET, SweepSpec.fromJson(PRESET.toJson()));
        assertTrue(PRESET.toJson().contains("\"l1-prox\": [\n"), PRESET.toJson());
        Map<String, List<String>> other = namedRuns();
        other.put("l2", List.of("--l2", "0.1"));
        assertEquals("grid regularization=none(),l2(--l2 0.1),l1-prox(--regularizer l1-prox=0.2 --weight-stats) was"
                + " regularization=none(),l2(--l2 0.2),l1-prox(--regularizer l1-prox=0.2 --weight-stats)",
                PRESET.differenceFrom(new SweepSpec(List.of(SweepSpec.Axis.named("regularization", other)),
                        List.of(3L), PRESET.base())));
        // a grid of values beside named runs keeps the grid's names
        SweepSpec mixed = new SweepSpec(List.of(PRESET.grid().get(0), new SweepSpec.Axis("eta", List.of("0.5"))),
                List.of(1L), List.of());
        assertEquals("t003-regularization=l1-prox-eta=0.5-seed=1", mixed.trials().get(2).name());
        assertEquals(List.of("--regularizer", "l1-prox=0.2", "--weight-stats", "--eta", "0.5", "--seed", "1"),
                mixed.trials().get(2).args());
    }

    @Test
    void theNamedRunsExampleOfTheManualIsASpec() throws IOException {
        SweepSpec example = SweepSpec.fromJson(Files.readString(Path.of("../examples/sweeps/named-runs.json")));
        List<Trial> trials = example.trials();
        assertEquals(List.of("quadratic-seed=1", "quadratic-seed=2", "cross-entropy-seed=1", "cross-entropy-seed=2",
                "softmax-seed=1", "softmax-seed=2"), trials.stream().map(Trial::name).toList());
        assertEquals(List.of("--cost", "log-likelihood", "--output-activation", "softmax", "--seed", "2"),
                trials.get(5).args().subList(trials.get(5).args().size() - 6, trials.get(5).args().size()));
    }

    @Test
    void namedRunsThatCannotBeDirectoriesOrSetTheSweepsFlagsAreRefused() {
        assertEquals("grid regularization: a run's name 'L2/x' is its directory's: expected lower-case letters,"
                + " digits, '.' and '-'", assertThrows(IllegalArgumentException.class,
                        () -> SweepSpec.Axis.named("regularization", Map.of("L2/x", List.of()))).getMessage());
        assertEquals("--seed is the sweep's to set, not a base flag", assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.Axis.named("regularization", Map.of("a", List.of("--seed", "2")))).getMessage());
        assertEquals("grid r: named runs [a, b] need flags each, got flags of [a]", assertThrows(
                IllegalArgumentException.class, () -> new SweepSpec.Axis("r", List.of("a", "b"),
                        Map.of("a", List.of()))).getMessage());
        assertEquals("field 'flags': a needs an array of flags, got \"--l2\"", assertThrows(
                IllegalArgumentException.class, () -> SweepSpec.fromJson("""
                    {"grid": [{"name": "r", "values": ["a"], "flags": {"a": "--l2"}}], "seeds": [1], "base": []}
                    """)).getMessage());
    }

    private static final SweepSpec RANDOM = SweepSpec.fromJson("""
        {"grid": [{"name": "layers", "values": ["784,30,10", "784,100,10"]}],
         "random": {"points": 3, "seed": 7, "ranges": [
           {"name": "eta", "log-uniform": [0.01, 1]},
           {"name": "l2", "uniform": [0, 5]},
           {"name": "batch-size", "choice": [10, 20, 50]}]},
         "seeds": [1, 2], "base": ["--epochs", "3"]}
        """);

    @Test
    void randomSearchDrawsEveryPointUpFrontFromTheSweepSeed() {
        List<Trial> trials = RANDOM.trials();
        assertEquals(2 * 3 * 2, trials.size(), "grid points x drawn points x seeds");
        assertEquals(List.of("layers", "eta", "l2", "batch-size"), RANDOM.names());
        assertEquals(trials, SweepSpec.fromJson(RANDOM.toJson()).trials(), "the same spec draws the same points");
        assertEquals(RANDOM, SweepSpec.fromJson(RANDOM.toJson()));
        // both layers values get the same three draws, each with both seeds
        for (int i = 0; i < 6; i++) {
            Map<String, String> a = new LinkedHashMap<>(trials.get(i).point());
            Map<String, String> b = new LinkedHashMap<>(trials.get(i + 6).point());
            a.remove("layers");
            b.remove("layers");
            assertEquals(a, b);
        }
        Set<String> etas = new HashSet<>();
        for (Trial t : trials) {
            double eta = Double.parseDouble(t.point().get("eta"));
            double l2 = Double.parseDouble(t.point().get("l2"));
            assertTrue(eta >= 0.01 && eta <= 1 && l2 >= 0 && l2 <= 5, t.point().toString());
            assertTrue(List.of("10", "20", "50").contains(t.point().get("batch-size")), t.point().toString());
            assertTrue(t.point().get("eta").replaceFirst("^0\\.0*", "").replace(".", "").length() <= 4,
                    "four significant digits: " + t.point().get("eta"));
            etas.add(t.point().get("eta"));
        }
        assertEquals(3, etas.size(), "three different draws");
        SweepSpec otherSeed = SweepSpec.fromJson(RANDOM.toJson().replace("\"seed\": 7", "\"seed\": 8"));
        assertTrue(!otherSeed.trials().get(0).point().equals(trials.get(0).point()), "another sweep seed, other points");
        assertEquals("random search 3 points, seed 8, eta~log-uniform[0.01, 1] l2~uniform[0, 5] batch-size~choice[10,"
                + " 20, 50] was 3 points, seed 7, eta~log-uniform[0.01, 1] l2~uniform[0, 5] batch-size~choice[10, 20, 50]",
                RANDOM.differenceFrom(otherSeed));
    }

    @Test
    void randomTrialsRunTheSameInParallelAsAlone(@TempDir Path one, @TempDir Path two) throws Exception {
        TrialRunner runner = (t, runDir, pause) -> new History("x", List.of(new EpochRecord(1, Double.NaN,
                Double.parseDouble(t.point().get("eta")), Double.NaN, 1.0)));
        new Sweep(RANDOM, one, runner, 1, new SweepListener() { }, () -> false).run();
        new Sweep(RANDOM, two, runner, 2, new SweepListener() { }, () -> false).run();
        List<String> csv = Files.readAllLines(one.resolve("results.csv"));
        assertEquals("trial,status,layers,eta,l2,batch-size,seed,epochs_run,final_test_accuracy,best_test_accuracy,"
                + "best_epoch,final_test_cost,min_test_cost,spikes,seconds,run_dir,reason", csv.get(0));
        assertEquals(13, csv.size());
        assertEquals(stripSeconds(String.join("\n", csv)),
                stripSeconds(Files.readString(two.resolve("results.csv")).strip()));
    }

    @Test
    void theReadmesRandomSearchExampleIsASpec() throws IOException {
        SweepSpec example = SweepSpec.fromJson(Files.readString(Path.of("../examples/sweeps/random-eta-l2.json")));
        assertEquals(24, example.trials().size());
        assertEquals("t001-eta=0.4042-l2=7.458-batch-size=10-seed=1", example.trials().get(0).name());
    }

    @Test
    void aRandomSearchThatIsNotOneNamesWhatIsWrong() {
        String spec = "{\"grid\": [], \"seeds\": [1], \"base\": [], \"random\": {\"points\": 2, \"seed\": 1,"
                + " \"ranges\": [%s]}}";
        assertEquals("random eta: log-uniform needs 0 < low < high, got [0, 1]", assertThrows(
                IllegalArgumentException.class, () -> SweepSpec.fromJson(String.format(spec,
                        "{\"name\": \"eta\", \"log-uniform\": [0, 1]}"))).getMessage());
        assertEquals("field 'ranges': eta needs one of uniform, log-uniform or choice, got [name, normal]",
                assertThrows(IllegalArgumentException.class, () -> SweepSpec.fromJson(String.format(spec,
                        "{\"name\": \"eta\", \"normal\": [0, 1]}"))).getMessage());
        assertEquals("random eta: expected a number, got 'x'", assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.fromJson(String.format(spec, "{\"name\": \"eta\", \"uniform\": [\"x\", 1]}")))
                .getMessage());
        assertEquals("eta is swept twice", assertThrows(IllegalArgumentException.class, () -> new SweepSpec(
                List.of(new SweepSpec.Axis("eta", List.of("1"))), new RandomSearch(2, 1, List.of(new RandomSearch.Range(
                        "eta", RandomSearch.Kind.UNIFORM, List.of("0", "1")))), List.of(1L), List.of())).getMessage());
    }

    @Test
    void aSpecThatIsNotOneNamesTheField() {
        assertEquals("field 'seeds': expected an array, got nothing", assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.fromJson("{\"grid\": [], \"base\": []}")).getMessage());
        assertEquals("field 'seeds': expected whole numbers, got \"one\"", assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.fromJson("{\"grid\": [], \"seeds\": [\"one\"], \"base\": []}")).getMessage());
        assertEquals("field 'grid': an axis without a \"name\": {\"values\":[\"1\"]}",
                assertThrows(IllegalArgumentException.class, () -> SweepSpec.fromJson(
                        "{\"grid\": [{\"values\": [\"1\"]}], \"seeds\": [1], \"base\": []}")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepSpec.fromJson("[1, 2"))
                .getMessage().startsWith("not a JSON object: "));
    }

    /** A misspelt field is refused, not dropped with what it holds. */
    @Test
    void aFieldASpecDoesNotHaveIsRefused() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"grid\": [], \"rnadom\": {\"points\": 3}, \"seeds\": [1], \"base\": []}",
                "field 'rnadom': not a field of a sweep spec; expected grid, random, seeds, repeats, base, halving or asha");
        cases.put("{\"grid\": [{\"name\": \"eta\", \"values\": [1], \"value\": [2]}], \"seeds\": [1], \"base\": []}",
                "field 'value': not a field of a grid axis; expected name, values or flags");
        cases.put("{\"grid\": [], \"seeds\": [1], \"base\": [], \"halving\": {\"rate\": 3, \"rung\": [1]}}",
                "field 'rung': not a field of halving; expected rate or rungs");
        cases.put("{\"grid\": [], \"seeds\": [1], \"base\": [], \"asha\": {\"max-trials\": 3}}",
                "field 'max-trials': not a field of asha; expected rate, rungs, maxTrials or mode");
        cases.put("{\"grid\": [], \"seeds\": [1], \"base\": [], \"random\": {\"points\": 2, \"seed\": 1,"
                + " \"ranges\": [], \"range\": []}}", "field 'range': not a field of random; expected points, seed or ranges");
        cases.forEach((json, message) -> assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> SweepSpec.fromJson(json)).getMessage(), json));
    }

    /** A trial whose final accuracy is eta + l1 + seed/100, over two epochs; eta 0.5 with l1 0.2 fails. */
    private static History fake(Trial t) {
        double eta = Double.parseDouble(t.point().get("eta"));
        double l1 = Double.parseDouble(t.point().get("l1"));
        if (eta == 0.5 && l1 == 0.2) {
            throw new IllegalStateException("training diverged in epoch 2");
        }
        double a = eta + l1 + t.seed() / 100.0;
        return new History("x", List.of(new EpochRecord(1, Double.NaN, a + 0.01, Double.NaN, 1.0),
                new EpochRecord(2, Double.NaN, a, Double.NaN, 0.5)));
    }

    @Test
    void runsEveryTrialRecordsFailuresAndResumesFromTheJournal(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TrialRunner runner = (t, runDir, pause) -> {
            calls.incrementAndGet();
            Files.createDirectories(runDir);
            return fake(t);
        };
        List<TrialResult> results = new Sweep(SPEC, dir, runner, 2, new SweepListener() { }, () -> false).run();
        assertEquals(8, results.size());
        assertEquals(8, calls.get());
        assertEquals(2, results.stream().filter(r -> !r.ok()).count(), "the two eta=0.5 l1=0.2 trials");
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals("trial,status,eta,l1,seed,epochs_run,final_test_accuracy,best_test_accuracy,best_epoch,"
                + "final_test_cost,min_test_cost,spikes,seconds,run_dir,reason", csv.get(0));
        assertTrue(csv.get(1).startsWith("t001-eta=0.25-l1=0-seed=1,ok,0.25,0,1,2,0.26,0.27,1,0.5,0.5,0,"), csv.get(1));
        assertTrue(csv.get(8).startsWith("t008-eta=0.5-l1=0.2-seed=2,failed,0.5,0.2,2,0,,,0,,,0,"), csv.get(8));
        assertTrue(csv.get(8).endsWith(",trials/t008-eta=0.5-l1=0.2-seed=2,training diverged in epoch 2"), csv.get(8));
        String summary = Files.readString(dir.resolve("summary.md"));
        assertTrue(summary.contains("Best point: eta=0.5 l1=0 (mean final test accuracy 0.5150)"), summary);
        assertTrue(summary.contains("Failed: t007-eta=0.5-l1=0.2-seed=1: training diverged in epoch 2"), summary);

        // run again: nothing left to run, the same results
        String before = stripSeconds(Files.readString(dir.resolve("results.csv")));
        new Sweep(SPEC, dir, runner, 2, new SweepListener() { }, () -> false).run();
        assertEquals(8, calls.get(), "finished trials are not run again");
        assertEquals(before, stripSeconds(Files.readString(dir.resolve("results.csv"))));
    }

    @Test
    void aTrialWhoseNameHoldsCommasIsQuotedInResultsCsv(@TempDir Path dir) throws Exception {
        SweepSpec layers = new SweepSpec(List.of(new SweepSpec.Axis("layers", List.of("784,30,10", "784,100,10"))),
                List.of(1L), List.of("--epochs", "2"));
        new Sweep(layers, dir, (t, d, p) -> new History("x", List.of(new EpochRecord(1, Double.NaN, 0.5, Double.NaN,
                1.0))), 1, new SweepListener() { }, () -> false).run();
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertTrue(csv.get(1).startsWith("\"t001-layers=784,30,10-seed=1\",ok,\"784,30,10\",1,1,0.5,"), csv.get(1));
        assertTrue(csv.get(1).endsWith(",\"trials/t001-layers=784,30,10-seed=1\","), csv.get(1));
    }

    @Test
    void summarizeWritesWhatTheJournalHoldsWithoutRunning(@TempDir Path dir) throws Exception {
        assertEquals(dir + " holds no sweep (no sweep.json)",
                assertThrows(IllegalArgumentException.class, () -> Sweep.summarize(dir)).getMessage());
        AtomicInteger calls = new AtomicInteger();
        new Sweep(SPEC, dir, (t, d, p) -> {
            calls.incrementAndGet();
            return fake(t);
        }, 1, new SweepListener() { }, () -> calls.get() >= 2).run();
        Files.delete(dir.resolve("summary.md"));
        String summary = Sweep.summarize(dir);
        assertTrue(summary.startsWith("# Sweep\n\n8 trials: 2 ok, 0 failed, 6 not run yet."), summary);
        assertEquals(summary, Files.readString(dir.resolve("summary.md")));
        assertEquals(2, calls.get(), "nothing ran");
    }

    @Test
    void aKilledSweepRunsOnlyWhatItDidNotFinish(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TrialRunner runner = (t, runDir, pause) -> {
            calls.incrementAndGet();
            return fake(t);
        };
        new Sweep(SPEC, dir, runner, 1, new SweepListener() { }, () -> calls.get() >= 3).run();
        assertEquals(3, calls.get());
        // a kill in the middle of a journal write leaves a partial line, which reading skips
        Files.writeString(dir.resolve("journal.jsonl"), "{\"trial\": \"t004", java.nio.file.StandardOpenOption.APPEND);
        List<TrialResult> results = new Sweep(SPEC, dir, runner, 2, new SweepListener() { }, () -> false).run();
        assertEquals(8, results.size());
        assertEquals(8, calls.get(), "the 5 trials the first sweep did not finish, once each");
    }

    @Test
    void maxFailuresStopsAfterThatManyFailuresInARow(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TrialRunner runner = (t, runDir, pause) -> {
            calls.incrementAndGet();
            if (t.name().startsWith("t002") || t.name().startsWith("t004") || t.name().startsWith("t005")) {
                throw new IllegalStateException("training diverged");
            }
            return fake(t);
        };
        // t002 fails alone (t003 is ok in between), then t004 and t005 fail in a row
        Sweep sweep = new Sweep(SPEC, dir, runner, 1, new SweepListener() { }, () -> false).stopAfterFailures(2);
        List<TrialResult> results = sweep.run();
        assertTrue(sweep.stoppedByFailures());
        assertEquals(5, calls.get());
        assertEquals(List.of("ok", "failed", "ok", "failed", "failed"),
                results.stream().map(TrialResult::status).toList());
        assertEquals(6, Files.readAllLines(dir.resolve("results.csv")).size(), "the header and the five trials");

        // running it again goes on from t006; the failed trials are finished and stay failed
        Sweep again = new Sweep(SPEC, dir, runner, 1, new SweepListener() { }, () -> false).stopAfterFailures(2);
        assertEquals(8, again.run().size());
        assertEquals(8, calls.get());
        assertTrue(!again.stoppedByFailures());
        assertThrows(IllegalArgumentException.class,
                () -> new Sweep(SPEC, dir, runner, 1, new SweepListener() { }, () -> false).stopAfterFailures(-1));
    }

    @Test
    void anotherSpecInTheSameDirectoryIsRefused(@TempDir Path dir) throws IOException {
        new Sweep(SPEC, dir, (t, d, p) -> fake(t), 1, new SweepListener() { }, () -> true).prepare();
        SweepSpec other = new SweepSpec(SPEC.grid(), List.of(1L), SPEC.base());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Sweep(other, dir, (t, d, p) -> fake(t), 1, new SweepListener() { }, () -> true).prepare());
        assertEquals(dir + " holds another sweep: seeds [1] were [1, 2]; use another --out", e.getMessage());
    }

    @Test
    void halvingRungsKeepATrialInTheLastAndAnEpochInTheFirst() {
        assertEquals(List.of(44, 133, 400), Halving.of(3, 12, 400).rungs());
        assertEquals(List.of(1, 5), Halving.of(3, 8, 5).rungs());
        assertEquals(List.of(400), Halving.of(3, 2, 400).rungs());
        assertEquals(List.of(1, 2, 4, 8), Halving.of(2, 8, 8).rungs());
        assertEquals(12 + 4 + 1, Halving.of(3, 12, 400).runs(12));
        assertEquals("halving rate: expected a whole number >= 2, got 1", assertThrows(IllegalArgumentException.class,
                () -> new Halving(1, List.of(1))).getMessage());
        assertEquals("halving rungs: expected increasing epochs >= 1, got [3, 3]", assertThrows(
                IllegalArgumentException.class, () -> new Halving(3, List.of(3, 3))).getMessage());
    }

    private static final SweepSpec HALVING = new SweepSpec(List.of(new SweepSpec.Axis("eta",
            List.of("0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"))), List.of(1L),
            List.of("--epochs", "9")).withHalving(Halving.of(3, 9, 9));

    /**
     * A trial of 9 epochs whose test accuracy at epoch e is eta in the first epoch and then {@code 1 - eta + e / 100}:
     * the best after one epoch are the worst later.
     */
    private static History halvingFake(Trial t, int pauseAfter, List<String> calls) {
        synchronized (calls) {
            calls.add(t.name() + "@" + pauseAfter);
        }
        double eta = Double.parseDouble(t.point().get("eta"));
        List<EpochRecord> records = new java.util.ArrayList<>();
        for (int e = 1; e <= (pauseAfter == 0 ? 9 : pauseAfter); e++) {
            records.add(new EpochRecord(e, Double.NaN, e <= 1 ? eta : 1 - eta + e / 100.0, Double.NaN, 1.0));
        }
        return new History("x", records);
    }

    @Test
    void halvingRunsTheBestThirdOfEachRungOnAndWritesItsDecisions(@TempDir Path one, @TempDir Path two)
            throws Exception {
        assertEquals(List.of(1, 3, 9), HALVING.halving().rungs());
        assertEquals(HALVING, SweepSpec.fromJson(HALVING.toJson()));
        List<String> calls = new java.util.ArrayList<>();
        List<RungDecision> decisions = new java.util.ArrayList<>();
        new Sweep(HALVING, one, (t, d, pause) -> halvingFake(t, pause, calls), 2, new SweepListener() {
            @Override
            public synchronized void rungDecided(RungDecision decision) {
                decisions.add(decision);
            }
        }, () -> false).run();
        assertEquals(9 + 3 + 1, calls.size());
        // after epoch 1 the best are eta 0.9, 0.8, 0.7; after epoch 3 of those 0.7 (1 - 0.7 + 0.03) is best
        assertEquals(List.of("t009-eta=0.9-seed=1", "t008-eta=0.8-seed=1", "t007-eta=0.7-seed=1"),
                decisions.get(0).promoted());
        assertEquals(List.of("t007-eta=0.7-seed=1"), decisions.get(1).promoted());
        assertEquals(List.of("t008-eta=0.8-seed=1", "t009-eta=0.9-seed=1"), decisions.get(1).stopped());
        assertTrue(calls.containsAll(List.of("t001-eta=0.1-seed=1@1", "t009-eta=0.9-seed=1@3", "t007-eta=0.7-seed=1@0")),
                calls.toString());
        List<String> journal = Files.readAllLines(one.resolve("journal.jsonl"));
        assertEquals(9 + 3 + 1 + 2, journal.size(), "a line per trial and rung, and one per decision");
        assertTrue(journal.contains("{\"rung\":2,\"epochs\":3,\"promoted\":[\"t007-eta=0.7-seed=1\"],"
                + "\"stopped\":[\"t008-eta=0.8-seed=1\",\"t009-eta=0.9-seed=1\"]}"), String.join("\n", journal));
        List<String> csv = Files.readAllLines(one.resolve("results.csv"));
        assertEquals("trial,status,eta,seed,epochs_run,rung,final_test_accuracy,best_test_accuracy,best_epoch,"
                + "final_test_cost,min_test_cost,spikes,seconds,run_dir,reason", csv.get(0));
        assertTrue(csv.get(1).startsWith("t001-eta=0.1-seed=1,ok,0.1,1,1,1,0.1,"), csv.get(1));
        assertTrue(csv.get(7).startsWith("t007-eta=0.7-seed=1,ok,0.7,1,9,3,0.39,"), csv.get(7));
        assertTrue(csv.get(9).startsWith("t009-eta=0.9-seed=1,ok,0.9,1,3,2,"), csv.get(9));
        String summary = Files.readString(one.resolve("summary.md"));
        assertTrue(summary.contains("| 1 | 1 | 9 of 9 | eta=0.9 seed 1, eta=0.8 seed 1, eta=0.7 seed 1 |"), summary);
        assertTrue(summary.contains("| 3 | 9 | 1 of 1 | (last rung) |"), summary);

        // one worker makes the same decisions and results
        new Sweep(HALVING, two, (t, d, pause) -> halvingFake(t, pause, new java.util.ArrayList<>()), 1,
                new SweepListener() { }, () -> false).run();
        assertEquals(stripSeconds(String.join("\n", csv)), stripSeconds(Files.readString(two.resolve("results.csv")).strip()));
    }

    @Test
    void aStoppedHalvingSweepGoesOnWhereItStopped(@TempDir Path dir, @TempDir Path whole) throws Exception {
        List<String> calls = new java.util.ArrayList<>();
        new Sweep(HALVING, dir, (t, d, pause) -> halvingFake(t, pause, calls), 1, new SweepListener() { },
                () -> calls.size() >= 11).run();
        assertEquals(11, calls.size(), "the first rung and two trials of the second");
        new Sweep(HALVING, dir, (t, d, pause) -> halvingFake(t, pause, calls), 2, new SweepListener() { },
                () -> false).run();
        assertEquals(13, calls.size(), "the third trial of the second rung and the last rung, once each");
        assertEquals(2, Files.readAllLines(dir.resolve("journal.jsonl")).stream().filter(l -> l.contains("promoted"))
                .count(), "each rung decided once");
        new Sweep(HALVING, whole, (t, d, pause) -> halvingFake(t, pause, new java.util.ArrayList<>()), 2,
                new SweepListener() { }, () -> false).run();
        assertEquals(stripSeconds(Files.readString(whole.resolve("results.csv"))),
                stripSeconds(Files.readString(dir.resolve("results.csv"))));
        assertEquals(dir + " holds another sweep: halving rate 2, rungs [1, 2, 4, 9] was rate 3, rungs [1, 3, 9];"
                + " use another --out", assertThrows(IllegalArgumentException.class, () -> new Sweep(
                HALVING.withHalving(new Halving(2, List.of(1, 2, 4, 9))), dir, (t, d, p) -> null, 1,
                new SweepListener() { }, () -> false).prepare()).getMessage());
    }

    @Test
    void aTrialThatEndsBeforeItsRungIsCarriedOnWithoutRunning(@TempDir Path dir) throws Exception {
        List<String> calls = new java.util.ArrayList<>();
        // eta 0.7 stops on its own after 2 epochs (early stopping) and is still the best of rung 2
        List<TrialResult> results = new Sweep(HALVING, dir, (t, d, pause) -> {
            History h = halvingFake(t, pause, calls);
            return t.point().get("eta").equals("0.7") && h.records().size() > 2
                    ? new History("x", h.records().subList(0, 2)) : h;
        }, 1, new SweepListener() { }, () -> false).run();
        assertEquals(9 + 3, calls.size(), "not run in the last rung: " + calls);
        assertEquals(2, results.get(6).epochsRun());
        assertTrue(Files.readString(dir.resolve("journal.jsonl")).contains("\"epochsRun\":2,"));
        assertTrue(Files.readAllLines(dir.resolve("results.csv")).get(7).startsWith("t007-eta=0.7-seed=1,ok,0.7,1,2,3,"));
    }

    private static String stripSeconds(String csv) {
        return csv.replaceAll(",\\d+\\.\\d{3},(\"?)trials/", ",S,$1trials/");
    }

    /** A whole journal line that is not an entry names the file, the line and the field, not Java's terms. */
    @Test
    void aJournalLineThatIsNotAnEntryNamesItsField(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("journal.jsonl");
        String ok = "{\"trial\":\"t001\",\"status\":\"ok\",\"reason\":\"\",\"epochsRun\":1,\"bestEpoch\":1}";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{\"trial\": 5}", "field 'trial': expected a string, found 5");
        cases.put("{\"trial\": \"t001\"}", "field 'status' is missing");
        cases.put(ok.replace("\"epochsRun\":1", "\"epochsRun\":\"x\""), "field 'epochsRun': expected a number, found \"x\"");
        cases.put(ok.replace("\"epochsRun\":1", "\"epochsRun\":-1"), "field 'epochsRun': expected a whole number from 0,"
                + " found -1");
        cases.put("{\"promoted\": [\"a\", 1], \"stopped\": [], \"epochs\": 3}", "field 'promoted': expected a string, found 1");
        cases.put("{\"promoted\": [], \"stopped\": {}, \"epochs\": 3}", "field 'stopped': expected an array of trial"
                + " names, found {}");
        cases.put("{\"promote\": \"a\", \"rung\": 1.5, \"epochs\": 3}", "field 'rung': expected a whole number from 0,"
                + " found 1.5");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Files.writeString(file, ok + "\n" + c.getKey() + "\n" + ok + "\n");
            IOException e = assertThrows(IOException.class, () -> new Journal(file).contents(), c.getKey());
            assertEquals(file + ": line 2 is not a journal entry: " + c.getValue(), e.getMessage());
        }
        Files.writeString(file, ok + "\n" + ok.substring(0, 20)); // cut short by a kill: skipped
        assertEquals(1, new Journal(file).contents().all().size());
    }
}
