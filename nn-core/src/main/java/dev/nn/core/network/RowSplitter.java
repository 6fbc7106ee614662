package dev.nn.core.network;

import dev.nn.core.layer.RowTasks;

/**
 * The engine's {@link RowTasks}: runs a task over row ranges {@code [0, rows)}, possibly on several threads. Every task writes
 * only the rows it is given, and the summation order of every result is fixed by the kernels, so
 * the split never changes a bit of the result.
 */
interface RowSplitter extends RowTasks, AutoCloseable {

    /** Runs everything on the calling thread. */
    RowSplitter SERIAL = (rows, work, task) -> task.run(0, 0, rows);

    /** Returns a splitter for an evaluation on {@code threads} threads: {@link #SERIAL} for 1. */
    static RowSplitter forEvaluation(int threads) {
        return forThreads(threads, ParallelRowSplitter.EVALUATION_SPINS);
    }

    /**
     * Returns a splitter for training steps on {@code threads} threads, whose workers wait longer
     * for the next split: {@link #SERIAL} for 1.
     */
    static RowSplitter forTraining(int threads) {
        return forThreads(threads, ParallelRowSplitter.TRAINING_SPINS);
    }

    private static RowSplitter forThreads(int threads, int spins) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return threads == 1 ? SERIAL : new ParallelRowSplitter(threads, spins);
    }

    @Override
    default void close() {
    }
}
