package dev.nn.core.network;

/**
 * Runs a task over row ranges {@code [0, rows)}, possibly on several threads. Every task writes
 * only the rows it is given, and the summation order of every result is fixed by the kernels, so
 * the split never changes a bit of the result.
 */
interface RowSplitter {

    /** A task over a range of rows. */
    interface RangeTask {
        void run(int from, int to);
    }

    /** Runs everything on the calling thread. */
    RowSplitter SERIAL = (rows, task) -> task.run(0, rows);

    void split(int rows, RangeTask task);
}
