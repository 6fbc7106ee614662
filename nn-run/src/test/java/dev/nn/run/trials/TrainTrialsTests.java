package dev.nn.run.trials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.data.mnist.testing.IdxFiles;
import dev.nn.monitor.HistoryFiles;
import dev.nn.run.CheckpointFile;
import dev.nn.sweep.Trial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's trials as TrainTrials runs them: paused at rungs, and after a process ended mid-pause. */
class TrainTrialsTests {

    @TempDir
    Path tmp;

    /** 300 training and 50 test images of the IDX format, in tmp. */
    private Path smallMnist() throws java.io.IOException {
        Path mnist = Files.createDirectories(tmp.resolve("mnist"));
        IdxFiles.writeAll(mnist, 300, 50, true);
        return mnist;
    }

    @Test
    void aTrialWhoseProcessEndedBetweenItsPauseCheckpointAndItsFilesWritesTheFilesWhenRunAgain() throws Exception {
        Path mnist = smallMnist();
        TrainTrials trials = TrainTrials.on(mnist);
        Trial trial = new Trial(1, Map.of("eta", "0.5"), 1, List.of("--epochs", "4", "--train-size", "200",
                "--eta", "0.5", "--seed", "1", "--data", mnist.toString()));
        Path dir = tmp.resolve("trial");
        trials.run(trial, dir, 2);
        Path atTwo = tmp.resolve("at-two");
        Files.createDirectories(atTwo);
        for (String name : List.of("history.json", "run.json")) {
            Files.copy(dir.resolve(name), atTwo.resolve(name));
        }
        trials.run(trial, dir, 3);
        byte[] history = Files.readAllBytes(dir.resolve("history.json"));
        byte[] run = Files.readAllBytes(dir.resolve("run.json"));
        // as if killed after the checkpoint of epoch 3 was saved but before the pause wrote the files
        for (String name : List.of("history.json", "run.json")) {
            Files.copy(atTwo.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(3, CheckpointFile.read(dir).epochsDone());

        assertEquals(3, trials.run(trial, dir, 3).records().size());
        assertEquals(3, CheckpointFile.read(dir).epochsDone(), "nothing trained past the pause");
        assertArrayEquals(history, Files.readAllBytes(dir.resolve("history.json")));
        assertEquals(new String(run).replaceAll("\"seconds\": [0-9.]+", ""),
                Files.readString(dir.resolve("run.json")).replaceAll("\"seconds\": [0-9.]+", ""));
        assertTrue(Files.readString(dir.resolve("run.json")).contains("paused after epoch 3 of 4"));

        // a write the kill cut short left its temporary file: the run that goes on removes it
        Path leftover = Files.writeString(dir.resolve(".checkpoint.bin.5f3a-1.tmp"), "half");
        assertEquals(4, trials.run(trial, dir, 0).records().size());
        assertTrue(!Files.exists(leftover), "the leftover of a killed write is gone");
        assertEquals(4, HistoryFiles.readJson(dir.resolve("history.json")).records().size());
    }

    /** Checkpoints at epochs' ends are written at most once a second; a pause is saved all the same. */
    @Test
    void aPauseAfterManyQuickEpochsIsSavedWhereItPausedAndGoesOnBitForBit() throws Exception {
        Path mnist = smallMnist();
        TrainTrials trials = TrainTrials.on(mnist);
        Trial trial = new Trial(1, Map.of(), 1, List.of("--epochs", "30", "--train-size", "100", "--seed", "1",
                "--data", mnist.toString()));
        Path paused = tmp.resolve("paused");
        trials.run(trial, paused, 25);
        assertEquals(25, CheckpointFile.read(paused).epochsDone(), "the pause is saved, however soon after epoch 1's");
        trials.run(trial, paused, 0);
        Path whole = tmp.resolve("whole");
        trials.run(trial, whole, 0);
        assertArrayEquals(Files.readAllBytes(whole.resolve("history.json")), Files.readAllBytes(paused.resolve(
                "history.json")));
        assertArrayEquals(Files.readAllBytes(whole.resolve("model.json")), Files.readAllBytes(paused.resolve(
                "model.json")));
    }
}
