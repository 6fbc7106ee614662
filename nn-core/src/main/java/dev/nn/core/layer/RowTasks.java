package dev.nn.core.layer;

/**
 * Runs a task over row ranges {@code [0, rows)}, possibly on several threads: the engine's threads,
 * which a layer's pass may use for the rows of a batch. Every task must write only the rows it is
 * given and sum in an order that does not depend on the split, so that the bits of a result never
 * depend on the thread count.
 */
public interface RowTasks {

    /** A task over a range of rows. */
    interface RangeTask {
        /** Runs rows {@code [from, to)}. */
        void run(int from, int to);

        /**
         * Runs rows {@code [from, to)} as the {@code part}-th of the split (0 on the caller's
         * thread); parts run at the same time on different threads.
         */
        default void run(int part, int from, int to) {
            run(from, to);
        }
    }

    /**
     * Runs {@code task} over {@code [0, rows)}.
     *
     * @param work the rough cost of one row in multiply-adds, to decide whether splitting pays off
     */
    void split(int rows, int work, RangeTask task);

    /** Returns the most parts a split can have, the number of threads. */
    default int maxParts() {
        return 1;
    }
}
