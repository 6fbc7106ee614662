package dev.nn.app;

import dev.nn.data.mnist.testing.IdxFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app as a real process, stopped in the middle of a 40-epoch run, by kill -9 (no
 * warning: the last epoch's checkpoint remains) and by SIGTERM (it saves after the current
 * mini-batch and says how to resume); resumed, the run's model.json and history are the bytes of
 * a run never stopped.
 */
class ResumeIntegrationTests {

    private static final List<String> RUN = List.of("train", "--layers", "784,30,10", "--epochs", "40", "--momentum",
            "0.5", "--dropout", "0.2", "--eta", "0.1", "--weight-stats", "--quiet");

    @TempDir
    static Path tmp;

    private static Path mnist;
    private static Path uninterrupted;

    @BeforeAll
    static void anUninterruptedRun() throws Exception {
        mnist = Files.createDirectories(tmp.resolve("mnist"));
        IdxFiles.writeAll(mnist, 3000, 100, true);
        uninterrupted = tmp.resolve("uninterrupted");
        Process p = start(uninterrupted, "--threads", "1");
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("uninterrupted.err")));
    }

    private static Process start(Path out, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("nn.app.jar")));
        command.addAll(RUN);
        command.addAll(List.of("--data", mnist.toString(), "--out", out.toString()));
        command.addAll(List.of(more));
        return new ProcessBuilder(command).redirectOutput(tmp.resolve(out.getFileName() + ".out").toFile())
                .redirectError(tmp.resolve(out.getFileName() + ".err").toFile()).start();
    }

    /** Waits until the run has saved a checkpoint, then a random while more. */
    private static void waitIntoTheRun(Path out, Process p, long seed) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!Files.exists(out.resolve("checkpoint.bin")) && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(new SplittableRandom(seed).nextInt(50, 800));
    }

    private static void resumeAndCompare(Path out) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("nn.app.jar"), "train", "--resume", out.toString(), "--data",
                mnist.toString(), "--threads", "2"));
        Process p = new ProcessBuilder(command).redirectOutput(tmp.resolve("resume.out").toFile())
                .redirectError(tmp.resolve("resume.err").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("resume.err")));
        assertArrayEquals(Files.readAllBytes(uninterrupted.resolve("model.json")),
                Files.readAllBytes(out.resolve("model.json")), "model.json of the resumed run");
        assertArrayEquals(Files.readAllBytes(uninterrupted.resolve("history.csv")),
                Files.readAllBytes(out.resolve("history.csv")), "history.csv of the resumed run");
        assertArrayEquals(Files.readAllBytes(uninterrupted.resolve("weights.csv")),
                Files.readAllBytes(out.resolve("weights.csv")), "weights.csv of the resumed run");
        assertTrue(!Files.exists(out.resolve("checkpoint.bin")), "a finished run keeps no checkpoint");
    }

    @Test
    void killedWithSigkillAndResumed() throws Exception {
        Path out = tmp.resolve("killed");
        Process p = start(out);
        waitIntoTheRun(out, p, System.nanoTime());
        assertTrue(p.isAlive(), "the run is still going when it is killed");
        p.destroyForcibly();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertTrue(Files.exists(out.resolve("checkpoint.bin")), "the last epoch's checkpoint remains");
        resumeAndCompare(out);
    }

    @Test
    void stoppedWithSigtermSavesSaysHowToResumeAndResumes() throws Exception {
        Path out = tmp.resolve("stopped");
        Process p = start(out);
        waitIntoTheRun(out, p, 7);
        assertTrue(p.isAlive(), "the run is still going when it is stopped");
        p.destroy();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        String err = Files.readString(tmp.resolve("stopped.err"));
        assertEquals(143, p.exitValue(), err);
        assertTrue(err.contains("the run is saved in " + out + ". Resume it with: ./nn train --resume " + out), err);
        resumeAndCompare(out);
    }

    /**
     * A new run with --force in an earlier run's directory, killed: the earlier model, history and
     * run.json are gone, not left beside the new checkpoint for nn evaluate and the page to mix.
     */
    @Test
    void aForcedRunKilledLeavesNothingOfTheEarlierRun() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("forced"));
        try (java.util.stream.Stream<Path> files = Files.list(uninterrupted)) {
            for (Path f : files.toList()) {
                Files.copy(f, out.resolve(f.getFileName()));
            }
        }
        Files.writeString(out.resolve("notes.txt"), "the user's own");
        Process p = start(out, "--force");
        waitIntoTheRun(out, p, 11);
        assertTrue(p.isAlive(), "the run is still going when it is killed");
        p.destroyForcibly();
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        for (String earlier : List.of("model.json", "history.json", "history.csv", "history.png", "run.json",
                "weights.csv")) {
            assertTrue(!Files.exists(out.resolve(earlier)), earlier + " of the earlier run");
        }
        assertTrue(Files.exists(out.resolve("notes.txt")), "a file that is not a run's is left alone");
        resumeAndCompare(out);
    }
}
