package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.run.trials.TrainTrials;
import dev.nn.sweep.Halving;
import dev.nn.sweep.RungDecision;
import dev.nn.sweep.Sweep;
import dev.nn.sweep.SweepListener;
import dev.nn.sweep.SweepSpec;
import dev.nn.sweep.Trial;
import dev.nn.sweep.TrialResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep built in Java with nn-sweep's API runs what {@code nn sweep} runs, and its listener hears it. */
class SweepInJavaTests {

    @TempDir
    Path tmp;

    @Test
    void aSweepInJavaGivesTheResultsOfNnSweep() throws Exception {
        List<String> base = List.of("--train-size", "200", "--epochs", "9", "--data", AppRunner.mnist().toString());
        SweepSpec grid = new SweepSpec(List.of(new SweepSpec.Axis("eta", List.of("0.1", "0.5", "3"))),
                List.of(1L, 2L), base);
        SweepSpec spec = grid.withHalving(Halving.of(3, grid.trials().size(), 9));
        AtomicInteger started = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        AtomicInteger rungs = new AtomicInteger();
        SweepListener listener = new SweepListener() {
            @Override
            public void trialStarted(Trial trial) {
                started.incrementAndGet();
            }

            @Override
            public void trialFinished(Trial trial, TrialResult result, int done, int total) {
                finished.incrementAndGet();
            }

            @Override
            public void rungDecided(RungDecision decision) {
                rungs.incrementAndGet();
            }
        };
        Path inJava = tmp.resolve("java");
        List<TrialResult> results = new Sweep(spec, inJava, TrainTrials.on(AppRunner.mnist()), 2, listener,
                () -> false).run();
        assertEquals(6, results.size());
        assertEquals(6 + 2, started.get(), "6 trials to epoch 3, the best 2 on to 9");
        assertEquals(6 + 2, finished.get());
        assertEquals(1, rungs.get());

        Path cli = tmp.resolve("cli");
        AppRunner.Result r = AppRunner.run("sweep", "--out", cli.toString(), "--halving", "--grid", "eta=0.1,0.5,3",
                "--seeds", "1,2", "--", "--train-size", "200", "--epochs", "9", "--data", AppRunner.mnist().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(Files.readString(inJava.resolve("sweep.json")), Files.readString(cli.resolve("sweep.json")));
        assertEquals(withoutSeconds(inJava), withoutSeconds(cli));
    }

    private static String withoutSeconds(Path sweep) throws java.io.IOException {
        return Files.readString(sweep.resolve("results.csv")).replaceAll(",\\d+\\.\\d{3},(\"?)trials/", ",$1trials/");
    }
}
