package dev.nn.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;

import dev.nn.core.network.Network;
import dev.nn.train.StopReason;
import dev.nn.train.TrainingConfig;
import dev.nn.train.TrainingControl;
import dev.nn.train.event.BatchDone;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.EpochStarted;
import dev.nn.train.event.TrainingFinished;
import dev.nn.train.event.TrainingStarted;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTests {

    private long now;

    private String run(boolean terminal) {
        return run(terminal, () -> new History("x", List.of(new EpochRecord(1, 0.9, 0.85, 0.3, 0.4))));
    }

    private String run(boolean terminal, HistorySource metrics) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, metrics,
                () -> now);
        bar.trainingStarted(new TrainingStarted(TrainingConfig.builder().epochs(2).build(), mock(Network.class), 40, 4));
        for (int epoch = 1; epoch <= 2; epoch++) {
            bar.epochStarted(new EpochStarted(epoch, 0.5));
            for (int b = 1; b <= 4; b++) {
                now += 500_000_000L;
                if (bar.wantsBatches()) {
                    bar.batchDone(new BatchDone(epoch, b, 4, null));
                }
            }
            bar.epochDone(new EpochDone(epoch, 0.5, null, Duration.ofSeconds(2)), mock(TrainingControl.class));
        }
        bar.trainingFinished(new TrainingFinished(2, StopReason.COMPLETED, "completed 2 epochs"));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void plainLinesWhenNotATerminal() {
        assertEquals(String.join(System.lineSeparator(),
                "epoch 1/2 done in 2.00 s, ETA 2s | train cost 0.3000, train accuracy 0.9000, test cost 0.4000, test"
                        + " accuracy 0.8500",
                "epoch 2/2 done in 2.00 s, ETA 0s | train cost 0.3000, train accuracy 0.9000, test cost 0.4000, test"
                        + " accuracy 0.8500",
                "completed 2 epochs in 4s", ""), run(false));
    }

    /** A run resumed after epoch 2 of 4: the time left is that of the epochs trained here, not 0. */
    @Test
    void aResumedRunsTimeLeftCountsItsOwnEpochs() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, null, () -> now);
        bar.trainingStarted(new TrainingStarted(TrainingConfig.builder().epochs(4).build(), mock(Network.class), 40, 4));
        for (int epoch = 3; epoch <= 4; epoch++) {
            bar.epochStarted(new EpochStarted(epoch, 0.5));
            now += 2_000_000_000L;
            bar.epochDone(new EpochDone(epoch, 0.5, null, Duration.ofSeconds(2)), mock(TrainingControl.class));
        }
        bar.trainingFinished(new TrainingFinished(4, StopReason.COMPLETED, "completed 4 epochs"));
        assertEquals(String.join(System.lineSeparator(), "epoch 3/4 done in 2.00 s, ETA 2s",
                "epoch 4/4 done in 2.00 s, ETA 0s", "completed 4 epochs (resumed: epochs 3-4 in 4s)", ""),
                bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void redrawsInPlaceOnATerminal() {
        String out = run(true);
        assertTrue(out.contains("\repoch 1/2 [===============               ] 2/4 batches 2/s ETA 1s "), out);
        assertTrue(out.contains("\repoch 1/2 done in 2.00 s"));
        assertFalse(run(false).contains("\r"));
    }

    /** A summary shorter than the bar it replaces (no metrics measured) is padded to cover it. */
    @Test
    void theSummaryCoversTheBarItReplaces() {
        String out = run(true, () -> new History("x", List.of()));
        for (String line : out.split("\n")) {
            String[] drawings = line.split("\r");
            String last = drawings[drawings.length - 1];
            for (String earlier : drawings) {
                assertTrue(last.length() >= earlier.length(), "'" + last + "' leaves part of '" + earlier + "'");
            }
        }
    }
}
