package dev.nn.app.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.data.ArrayDataSet;
import dev.nn.core.data.DataSet;
import dev.nn.core.network.Network;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.train.SgdTrainer;
import dev.nn.train.TrainingConfig;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JitWarmupTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    private static DataSet data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][20];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 20; k++) {
                x[i][k] = r.nextDouble() < 0.7 ? 0 : r.nextDouble();
            }
            labels[i] = r.nextInt(4);
        }
        return new ArrayDataSet(x, labels, 4);
    }

    private static Network network() {
        return Network.of(20, 8, 4).seed(3).registry(REGISTRY).build();
    }

    private static TrainingConfig config(int epochs) {
        return TrainingConfig.builder().epochs(epochs).batchSize(5).eta(0.5).seed(9).threads(2).build();
    }

    @Test
    void runsRoundsUntilClosedAndLeavesTheRunsResultAlone() throws Exception {
        DataSet training = data(400, 1);
        Network alone = network();
        new SgdTrainer(config(3), List.of()).train(alone, training);

        Network beside = network();
        JitWarmup warmup = JitWarmup.start(data(100, 2), List.of(
                (sample, stop) -> new SgdTrainer(config(1), List.of()).train(network(), sample, stop, null)), 1000);
        new SgdTrainer(config(3), List.of()).train(beside, training);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (warmup.roundsRun() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        warmup.close();
        assertTrue(warmup.roundsRun() >= 2, "rounds run: " + warmup.roundsRun());
        assertTrue(alone.sameAs(beside), "a run beside the warm-up has the bits of a run alone");
    }

    @Test
    void closeEndsALongRoundAtTheNextMiniBatch() {
        AtomicInteger started = new AtomicInteger();
        JitWarmup warmup = JitWarmup.start(data(400, 3), List.of((sample, stop) -> {
            started.incrementAndGet();
            new SgdTrainer(config(1_000_000), List.of()).train(network(), sample, stop, null);
        }), 1000);
        while (started.get() == 0) {
            Thread.onSpinWait();
        }
        long start = System.nanoTime();
        warmup.close();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 5, "a million epochs stopped within " + seconds + " s");
        assertEquals(0, warmup.roundsRun(), "the round was cut short, not finished");
    }

    @Test
    void stopsAfterItsMostRounds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        JitWarmup warmup = JitWarmup.start(data(10, 5), List.of((sample, stop) -> calls.incrementAndGet(),
                (sample, stop) -> calls.incrementAndGet()), 5);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (warmup.roundsRun() < 5 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
        warmup.close();
        assertEquals(5, warmup.roundsRun());
        assertEquals(5, calls.get());
    }

    @Test
    void aFailingRoundEndsTheWarmupQuietly() {
        AtomicInteger calls = new AtomicInteger();
        JitWarmup warmup = JitWarmup.start(data(10, 4), List.of((sample, stop) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("broken round");
        }), 1000);
        warmup.close();
        assertTrue(calls.get() <= 1, "no round after a failure: " + calls.get());
        assertFalse(warmup.roundsRun() > 0);
    }
}
