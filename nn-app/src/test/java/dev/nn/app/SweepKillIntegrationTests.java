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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app's {@code nn sweep --halving} and {@code --asha} as a real process, killed with
 * kill -9 in its second rung and run again: it finishes with the results.csv (but for the seconds)
 * and the trials' files of a sweep never killed.
 */
class SweepKillIntegrationTests {

    @TempDir
    Path tmp;

    private Process start(Path mnist, Path out) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("nn.app.jar"), "sweep", "--out", out.toString(), "--halving",
                "--grid", "eta=0.05,0.5,1,3", "--seeds", "1,2,3", "--parallel", "2", "--", "--epochs", "27",
                "--data", mnist.toString()));
        return new ProcessBuilder(command).redirectOutput(tmp.resolve(out.getFileName() + ".out").toFile())
                .redirectError(tmp.resolve(out.getFileName() + ".err").toFile()).start();
    }

    private Process asha(Path mnist, Path out, String mode, String parallel) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("nn.app.jar"), "sweep", "--out", out.toString(), "--asha",
                mode, "--grid", "eta=0.05,0.25,0.5,1,2,3", "--seeds", "1,2,3,4", "--parallel", parallel, "--",
                "--epochs", "9", "--data", mnist.toString()));
        return new ProcessBuilder(command).redirectOutput(tmp.resolve(out.getFileName() + ".out").toFile())
                .redirectError(tmp.resolve(out.getFileName() + ".err").toFile()).start();
    }

    /** Runs an ASHA sweep to its end, kills a second in its second rung, runs that again; returns both dirs. */
    private void killedAshaFinishesAsOneNeverKilled(Path mnist, String mode, String parallel) throws Exception {
        Path whole = tmp.resolve("whole" + mode + parallel);
        Process p = asha(mnist, whole, mode, parallel);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve(whole.getFileName() + ".err")));

        Path killed = tmp.resolve("killed" + mode + parallel);
        Process k = asha(mnist, killed, mode, parallel);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        Path journal = killed.resolve("journal.jsonl");
        while (k.isAlive() && System.nanoTime() < deadline && (!Files.exists(journal)
                || Files.readAllLines(journal).stream().noneMatch(l -> l.startsWith("{\"trial\"") && l.endsWith(",\"rung\":2}")))) {
            Thread.sleep(5);
        }
        assertTrue(k.isAlive(), "the sweep is still going when it is killed");
        k.destroyForcibly();
        assertTrue(k.waitFor(1, TimeUnit.MINUTES));
        List<String> before = Files.readAllLines(journal);
        assertTrue(before.stream().noneMatch(l -> l.endsWith(",\"rung\":3}")), "killed before the last rung");

        Process again = asha(mnist, killed, mode, parallel);
        assertTrue(again.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, again.exitValue(), Files.readString(tmp.resolve(killed.getFileName() + ".err")));
        List<String> after = Files.readAllLines(journal);
        assertEquals(before.subList(0, before.size() - 1), after.subList(0, before.size() - 1),
                "what the journal held stands (its last line may have been cut by the kill)");
        assertEquals(withoutSeconds(whole), withoutSeconds(killed), mode + " at --parallel " + parallel);
        for (String line : Files.readAllLines(whole.resolve("results.csv")).subList(1, 25)) {
            String trial = line.substring(0, line.indexOf(','));
            assertArrayEquals(Files.readAllBytes(whole.resolve("trials").resolve(trial).resolve("history.json")),
                    Files.readAllBytes(killed.resolve("trials").resolve(trial).resolve("history.json")), trial);
        }
    }

    @Test
    void anAshaSweepKilledInItsSecondRungFinishesAsOneNeverKilledInBothModes() throws Exception {
        Path mnist = Files.createDirectories(tmp.resolve("mnist"));
        IdxFiles.writeAll(mnist, 3000, 100, true);
        killedAshaFinishesAsOneNeverKilled(mnist, "--reproducible", "2");
        // the fastest mode's decisions depend on timing but for one worker: there, a sweep never killed is the measure
        killedAshaFinishesAsOneNeverKilled(mnist, "--fastest", "1");
    }

    private static long lines(Path journal) throws IOException {
        return Files.exists(journal) ? Files.readAllLines(journal).size() : 0;
    }

    @Test
    void aHalvingSweepKilledInItsSecondRungFinishesAsOneNeverKilled() throws Exception {
        Path mnist = Files.createDirectories(tmp.resolve("mnist"));
        IdxFiles.writeAll(mnist, 3000, 100, true);
        Path whole = tmp.resolve("whole");
        Process p = start(mnist, whole);
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("whole.err")));

        Path killed = tmp.resolve("killed");
        Process k = start(mnist, killed);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        // 12 trials of rung 1 and its decision are lines 1-13; kill once a second-rung trial is in
        while (lines(killed.resolve("journal.jsonl")) < 14 && k.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(k.isAlive(), "the sweep is still going when it is killed");
        k.destroyForcibly();
        assertTrue(k.waitFor(1, TimeUnit.MINUTES));
        assertTrue(lines(killed.resolve("journal.jsonl")) < 12 + 1 + 4 + 1 + 1, "killed before the end");

        Process again = start(mnist, killed);
        assertTrue(again.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, again.exitValue(), Files.readString(tmp.resolve("killed.err")));
        assertEquals(withoutSeconds(whole), withoutSeconds(killed));
        for (String line : Files.readAllLines(whole.resolve("results.csv")).subList(1, 13)) {
            String trial = line.substring(0, line.indexOf(','));
            assertArrayEquals(Files.readAllBytes(whole.resolve("trials").resolve(trial).resolve("history.json")),
                    Files.readAllBytes(killed.resolve("trials").resolve(trial).resolve("history.json")), trial);
        }
    }

    private static String withoutSeconds(Path sweep) throws IOException {
        return Files.readString(sweep.resolve("results.csv")).replaceAll(",\\d+\\.\\d{3},(\"?)trials/", ",$1trials/");
    }
}
