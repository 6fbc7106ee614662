package dev.nn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.app.Main;
import dev.nn.data.mnist.Mnist;
import dev.nn.data.mnist.testing.IdxFiles;
import dev.nn.data.mnist.testing.RealMnist;
import dev.nn.sweep.Trial;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nn sweep --engine spark} in Spark's local mode ({@code local[2]}): the rows of the local
 * engine, failed trials as failed rows, a resumed sweep running only what it had not finished.
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

    /** Output of one in-process run of the app. */
    record Run(int code, String out, String err) {
    }

    private static Run nn(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> sweep(String engine, Path out, String... rest) {
        List<String> args = new ArrayList<>(List.of("sweep", "--out", out.toString()));
        if (engine.equals("spark")) {
            args.addAll(List.of("--engine", "spark", "--master", "local[2]"));
        }
        args.addAll(List.of(rest));
        return args;
    }

    /** results.csv without the seconds column, which differs between any two runs. */
    private static List<String> rows(Path sweep) throws IOException {
        return Files.readAllLines(sweep.resolve("results.csv")).stream()
                .map(l -> l.replaceAll(",\\d+\\.\\d{3},(\"?)trials/", ",S,$1trials/")).toList();
    }

    @Test
    void theIssuesSweepGivesTheRowsOfTheLocalEngine() throws Exception {
        String mnist = RealMnist.dir().toString();
        String[] grid = {"--grid", "eta=0.25,0.5", "--seeds", "1,2", "--", "--layers", "784,30,10", "--train-size",
            "1000", "--epochs", "5", "--data", mnist};
        Run spark = nn(sweep("spark", tmp.resolve("spark"), grid));
        assertEquals(0, spark.code(), spark.err());
        assertTrue(spark.err().contains("spark: master local[2], 2 task slots; MNIST broadcast once ("), spark.err());
        Run local = nn(sweep("local", tmp.resolve("local"), grid));
        assertEquals(0, local.code(), local.err());
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
        String[] grid = {"--grid", "batch-size=10,0,20", "--seeds", "1,2", "--", "--train-size", "300", "--epochs", "2",
            "--data", small.toString()};
        Run first = nn(sweep("spark", out, grid));
        assertEquals(0, first.code(), first.err());
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
        Run resumed = nn(sweep("spark", out, grid));
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(2, resumed.err().lines().filter(l -> l.startsWith("sweep: ") && l.contains(" done, ")).count(),
                "only the two trials not in the journal ran: " + resumed.err());
        assertEquals(before, Files.getLastModifiedTime(kept).toMillis(), "a finished trial was not run again");
        assertEquals(rows, rows(out));
    }

    @Test
    void anAshaSweepOf24TrialsGivesTheSameRowsOnSparkAsAtOneAndTwoLocalWorkers() throws Exception {
        List<String> asha = new ArrayList<>(List.of("--asha", "--grid", "eta=0.05,0.25,0.5,1,2,3", "--seeds", "1,2,3,4",
                "--", "--train-size", "300", "--epochs", "9", "--data", small.toString()));
        Run spark = nn(sweep("spark", tmp.resolve("asha-spark"), asha.toArray(String[]::new)));
        assertEquals(0, spark.code(), spark.err());
        // a line per trial run as it finishes: one Spark job per run, two at a time
        List<String> lines = spark.err().lines().filter(l -> l.startsWith("sweep: ") && l.contains(" done, ")).toList();
        assertTrue(lines.size() > 24 && lines.get(0).startsWith("sweep: 1/24 done, 0 failed, 2 running, "), lines.get(0));
        for (String parallel : List.of("1", "2")) {
            List<String> local = new ArrayList<>(asha);
            local.addAll(0, List.of("--parallel", parallel));
            Run run = nn(sweep("local", tmp.resolve("asha-local-" + parallel), local.toArray(String[]::new)));
            assertEquals(0, run.code(), run.err());
            assertEquals(rows(tmp.resolve("asha-local-" + parallel)), rows(tmp.resolve("asha-spark")), parallel);
        }
        assertEquals(25, rows(tmp.resolve("asha-spark")).size());
    }

    @Test
    void successiveHalvingGivesTheRowsOfTheLocalEngine() throws Exception {
        String[] grid = {"--halving", "--grid", "eta=0.05,0.5,3", "--seeds", "1,2,3", "--", "--train-size", "300",
            "--epochs", "9", "--data", small.toString()};
        Run spark = nn(sweep("spark", tmp.resolve("halving-spark"), grid));
        assertEquals(0, spark.code(), spark.err());
        Run local = nn(sweep("local", tmp.resolve("halving-local"), grid));
        assertEquals(0, local.code(), local.err());
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
