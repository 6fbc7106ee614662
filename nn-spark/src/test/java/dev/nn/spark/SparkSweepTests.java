package dev.nn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.data.mnist.Mnist;
import dev.nn.data.mnist.testing.IdxFiles;
import dev.nn.data.mnist.testing.RealMnist;
import dev.nn.run.trials.SweepFigures;
import dev.nn.run.trials.TrainTrials;
import dev.nn.sweep.Asha;
import dev.nn.sweep.Halving;
import dev.nn.sweep.Sweep;
import dev.nn.sweep.SweepEngine;
import dev.nn.sweep.SweepListener;
import dev.nn.sweep.SweepSpec;
import dev.nn.sweep.Trial;
import dev.nn.sweep.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on the Spark engine in Spark's local mode ({@code local[2]}), run as {@code nn sweep
 * --engine spark} runs it: the rows of the local engine, failed trials as failed rows, a resumed
 * sweep running only what it had not finished.
 */
class SparkSweepTests {

    @TempDir
    static Path tmp;

    private static Path small;

    @BeforeAll
    static void smallMnist() throws IOException {
        small = Files.createDirectories(tmp.resolve("mnist"));
        IdxFiles.writeAll(small, 600, 100, true);
    }

    /** What a sweep's listener heard: trials run and the most running at once, and the engine's own line. */
    static final class Heard implements SweepListener {
        final AtomicInteger finished = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostRunning = new AtomicInteger();
        String engine;

        @Override
        public void trialStarted(Trial trial) {
            mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        }

        @Override
        public void trialFinished(Trial trial, TrialResult result, int done, int total) {
            running.decrementAndGet();
            finished.incrementAndGet();
        }
    }

    /**
     * Runs {@code spec} in {@code out} as {@code nn sweep} does: on the Spark engine (found as the app
     * finds it) at {@code local[2]}, or on {@code workers} local workers; then its summary and figures.
     */
    private static Heard sweep(boolean spark, int workers, SweepSpec spec, Path out, Path data) throws Exception {
        Mnist mnist = Mnist.load(data);
        Heard heard = new Heard();
        try (SweepEngine.Session session = spark ? sparkEngine().start("local[2]", out.toAbsolutePath(),
                new SweepEngine.TrialData(data, mnist)) : null) {
            Sweep sweep = new Sweep(spec, out, TrainTrials.on(mnist, data), spark ? session.slots() : workers, heard,
                    () -> false);
            if (spark) {
                heard.engine = session.describe();
                sweep.runningOn(session);
            }
            sweep.prepare();
            List<TrialResult> results = sweep.run();
            SweepFigures.draw(spec, out, results);
        }
        return heard;
    }

    private static SweepEngine sparkEngine() {
        return ServiceLoader.load(SweepEngine.class).stream().map(ServiceLoader.Provider::get)
                .filter(e -> e.id().equals("spark")).findFirst().orElseThrow();
    }

    private static SweepSpec grid(String name, List<String> values, List<Long> seeds, String... base) {
        return new SweepSpec(List.of(new SweepSpec.Axis(name, values)), seeds, List.of(base));
    }

    /** results.csv without the seconds column, which differs between any two runs. */
    private static List<String> rows(Path sweep) throws IOException {
        return Files.readAllLines(sweep.resolve("results.csv")).stream()
                .map(l -> l.replaceAll(",\\d+\\.\\d{3},(\"?)trials/", ",S,$1trials/")).toList();
    }

    @Test
    void theIssuesSweepGivesTheRowsOfTheLocalEngine() throws Exception {
        Path mnist = RealMnist.dir();
        SweepSpec spec = grid("eta", List.of("0.25", "0.5"), List.of(1L, 2L), "--layers", "784,30,10", "--train-size",
                "1000", "--epochs", "5", "--data", mnist.toString());
        Heard spark = sweep(true, 0, spec, tmp.resolve("spark"), mnist);
        assertTrue(spark.engine.startsWith("spark: master local[2], 2 task slots; MNIST broadcast once ("), spark.engine);
        sweep(false, 2, spec, tmp.resolve("local"), mnist);
        assertEquals(rows(tmp.resolve("local")), rows(tmp.resolve("spark")));
        assertEquals(5, rows(tmp.resolve("spark")).size());
        for (String trial : List.of("t001-eta=0.25-seed=1", "t004-eta=0.5-seed=2")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("local/trials").resolve(trial).resolve("history.json")),
                    Files.readAllBytes(tmp.resolve("spark/trials").resolve(trial).resolve("history.json")), trial);
        }
        assertTrue(Files.exists(tmp.resolve("spark/summary.md")) && Files.exists(tmp.resolve("spark/test-accuracy.png")));
    }

    @Test
    void aFailingTrialIsAFailedRowAndAResumedSweepRunsOnlyWhatItHadNotFinished() throws Exception {
        Path out = tmp.resolve("failing");
        SweepSpec spec = grid("batch-size", List.of("10", "0", "20"), List.of(1L, 2L), "--train-size", "300",
                "--epochs", "2", "--data", small.toString());
        sweep(true, 0, spec, out, small);
        List<String> rows = rows(out);
        assertEquals(7, rows.size());
        assertTrue(rows.get(3).startsWith("t003-batch-size=0-seed=1,failed,0,1,"), rows.get(3));
        assertTrue(rows.get(3).endsWith(",\"--batch-size must be >= 1, got 0\""), rows.get(3));

        // as if the sweep had been stopped before its last two trials finished
        Path journal = out.resolve("journal.jsonl");
        List<String> lines = Files.readAllLines(journal);
        Files.write(journal, lines.subList(0, lines.size() - 2));
        Path kept = out.resolve("trials/t001-batch-size=10-seed=1/history.json");
        long before = Files.getLastModifiedTime(kept).toMillis();
        Thread.sleep(20);
        Heard resumed = sweep(true, 0, spec, out, small);
        assertEquals(2, resumed.finished.get(), "only the two trials not in the journal ran");
        assertEquals(before, Files.getLastModifiedTime(kept).toMillis(), "a finished trial was not run again");
        assertEquals(rows, rows(out));
    }

    @Test
    void anAshaSweepOf24TrialsGivesTheSameRowsOnSparkAsAtOneAndTwoLocalWorkers() throws Exception {
        SweepSpec grid = grid("eta", List.of("0.05", "0.25", "0.5", "1", "2", "3"), List.of(1L, 2L, 3L, 4L),
                "--train-size", "300", "--epochs", "9", "--data", small.toString());
        SweepSpec withAsha = grid.withAsha(new Asha(3, List.of(), 0, Asha.Mode.REPRODUCIBLE));
        SweepSpec asha = withAsha.withAsha(withAsha.asha().withRungsFor(9));
        Heard spark = sweep(true, 0, asha, tmp.resolve("asha-spark"), small);
        // one Spark job per run, two at a time
        assertTrue(spark.finished.get() > 24, "promoted trials run again: " + spark.finished.get());
        assertEquals(2, spark.mostRunning.get(), "as many trials at once as Spark has slots");
        for (int workers : new int[] {1, 2}) {
            sweep(false, workers, asha, tmp.resolve("asha-local-" + workers), small);
            assertEquals(rows(tmp.resolve("asha-local-" + workers)), rows(tmp.resolve("asha-spark")), "" + workers);
        }
        assertEquals(25, rows(tmp.resolve("asha-spark")).size());
    }

    @Test
    void successiveHalvingGivesTheRowsOfTheLocalEngine() throws Exception {
        SweepSpec grid = grid("eta", List.of("0.05", "0.5", "3"), List.of(1L, 2L, 3L), "--train-size", "300",
                "--epochs", "9", "--data", small.toString());
        SweepSpec halving = grid.withHalving(Halving.of(3, grid.trials().size(), 9));
        sweep(true, 0, halving, tmp.resolve("halving-spark"), small);
        sweep(false, 2, halving, tmp.resolve("halving-local"), small);
        assertEquals(rows(tmp.resolve("halving-local")), rows(tmp.resolve("halving-spark")));
    }

    @Test
    void withoutASharedDirectoryTheHistoryAndModelTravelBack() throws Exception {
        Mnist mnist = Mnist.load(small);
        Trial trial = new Trial(1, Map.of("eta", "0.5"), 1, List.of("--train-size", "200", "--epochs", "2", "--eta",
                "0.5", "--seed", "1"));
        TrialOutcome shipped = TrialTask.run(trial, tmp.resolve("not-visible"), small, mnist, 0);
        assertTrue(shipped.result().ok(), shipped.result().reason());
        assertNotNull(shipped.historyJson());
        assertNotNull(shipped.modelJson());
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("sweep.json"), "{}");
        TrialOutcome written = TrialTask.run(trial, shared, small, mnist, 0);
        assertNull(written.historyJson(), "on a shared file system the files stay where the trial wrote them");
        assertEquals(shipped.historyJson(), Files.readString(shared.resolve("trials").resolve(trial.name())
                .resolve("history.json")));
        assertEquals(shipped.result().finalTestAccuracy(), written.result().finalTestAccuracy());
        TrialOutcome failed = TrialTask.run(new Trial(2, Map.of(), 1, List.of("--batch-size", "0")), shared, small,
                mnist, 0);
        assertEquals("failed", failed.result().status());
    }
}
