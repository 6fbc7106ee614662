package dev.nn.app.run;

import dev.nn.core.data.DataSet;
import dev.nn.train.Checkpoints;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the JIT's work done before a run instead of in its first epochs: on a background thread,
 * trains and monitors throwaway networks of the run's shape on a small sample while the rest of
 * the data loads (one core loads, the other compiles). Nothing of the run is shared: each round
 * builds its own network, the sample is only read, and what the rounds compute is discarded, so
 * the run's results are the same bits with or without it.
 */
public final class JitWarmup implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JitWarmup.class);

    /** One round of warm-up work on the sample; it should end at the next mini-batch once {@code stop} says so. */
    @FunctionalInterface
    public interface Round {
        /** Trains and monitors a throwaway network on {@code sample}, ending early when {@code stop} asks. */
        void run(DataSet sample, Checkpoints stop) throws Exception;
    }

    private final Thread thread;
    private volatile boolean stopped;
    private volatile int roundsRun;

    private JitWarmup(DataSet sample, List<Round> rounds, int maxRounds) {
        Checkpoints stop = new Checkpoints() {
            @Override
            public void save(dev.nn.train.Checkpoint checkpoint) {
            }

            @Override
            public boolean stopRequested() {
                return stopped;
            }
        };
        thread = new Thread(() -> {
            try {
                while (!stopped) {
                    for (Round round : rounds) {
                        if (stopped || roundsRun >= maxRounds) {
                            return;
                        }
                        round.run(sample, stop);
                        if (!stopped) {
                            roundsRun++;
                        }
                    }
                }
            } catch (Exception | StackOverflowError e) {
                // the warm-up only saves time; whatever goes wrong here, the run will say itself
                LOG.debug("JIT warm-up ended early", e);
            }
        }, "nn-jit-warmup");
        thread.setDaemon(true);
    }

    /**
     * Starts warming up: runs the rounds over and over on {@code sample} until {@link #close} or
     * until {@code maxRounds} have run (each round leaves its buffers to the garbage collector, and
     * garbage grows the heap: a bound keeps the process's peak memory where it was).
     *
     * @param sample a few hundred examples of the run's data (its test set's first, for instance)
     * @param rounds the work of the run in small, one round per shape of network the run trains
     * @param maxRounds the most rounds to run in all
     */
    public static JitWarmup start(DataSet sample, List<Round> rounds, int maxRounds) {
        JitWarmup warmup = new JitWarmup(sample, List.copyOf(rounds), maxRounds);
        warmup.thread.start();
        return warmup;
    }

    /** Returns how many rounds have run to their end so far (a round cut short by {@link #close} is not counted). */
    public int roundsRun() {
        return roundsRun;
    }

    /** Stops the warm-up and waits for its round to end at the next mini-batch or evaluation. */
    @Override
    public void close() {
        stopped = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
