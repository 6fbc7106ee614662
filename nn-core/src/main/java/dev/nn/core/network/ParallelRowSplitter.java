package dev.nn.core.network;

import java.util.concurrent.locks.LockSupport;

/**
 * Splits rows into contiguous chunks, one per thread: the caller runs the first, worker threads
 * the others. Workers spin a while before parking, because mini-batch tasks last microseconds and
 * waking a parked thread takes tens of them.
 */
final class ParallelRowSplitter implements RowSplitter {

    /** Below this many multiply-adds a task runs on the caller alone: a hand-off would cost more. */
    static final long MIN_WORK = 100_000;

    /**
     * How long a worker spins for its next task, in {@link Thread#onSpinWait} calls (about 30 ns
     * each here): long enough for the serial work between a training step's splits at batch 100
     * (layer 2, the cost, the next batch's loading), so the worker does not park between them.
     */
    static final int TRAINING_SPINS = 1 << 14;

    /**
     * The spin of an evaluation's worker: an evaluation is one split, and after it the other core
     * is wanted by training or monitoring beside it.
     */
    static final int EVALUATION_SPINS = 1 << 11;

    private final Worker[] workers;

    ParallelRowSplitter(int threads, int spins) {
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(spins);
            Thread t = new Thread(workers[i], "nn-worker-" + (i + 1));
            t.setDaemon(true);
            workers[i].thread = t;
            t.start();
        }
    }

    @Override
    public void split(int rows, int work, RangeTask task) {
        int parts = (int) Math.min(workers.length + 1L, Math.min(rows, (long) rows * work / MIN_WORK));
        if (parts <= 1) {
            task.run(0, rows);
            return;
        }
        for (int i = 1; i < parts; i++) {
            workers[i - 1].submit(task, i, (int) ((long) rows * i / parts), (int) ((long) rows * (i + 1) / parts));
        }
        Throwable failure = null;
        try {
            task.run(0, 0, (int) ((long) rows / parts));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        for (int i = 1; i < parts; i++) {
            Throwable e = workers[i - 1].await();
            if (failure == null) {
                failure = e;
            }
        }
        // as thrown: an Error in a worker (out of memory) stops the work, it is not made an exception
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw (RuntimeException) failure;
        }
    }

    @Override
    public int maxParts() {
        return workers.length + 1;
    }

    @Override
    public void close() {
        for (Worker w : workers) {
            w.closed = true;
            LockSupport.unpark(w.thread);
        }
    }

    /** One worker thread and its mailbox. */
    private static final class Worker implements Runnable {
        /** How long to spin for the next task (and for a caller's wait) before parking (yielding). */
        private final int spins;
        Thread thread;
        volatile boolean closed;
        private volatile RangeTask task;
        private volatile boolean done = true;
        private int part;
        private int from;
        private int to;
        private Throwable failure;

        Worker(int spins) {
            this.spins = spins;
        }

        void submit(RangeTask t, int part, int from, int to) {
            this.part = part;
            this.from = from;
            this.to = to;
            this.failure = null;
            done = false;
            task = t;
            LockSupport.unpark(thread);
        }

        Throwable await() {
            // spin for the microseconds a mini-batch task lasts, then yield: with more runnable
            // threads than cores (the JIT compiling, other processes), a spinning caller would
            // take the core the worker needs to finish
            for (int spin = 0; !done; spin++) {
                if (spin < spins) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            return failure;
        }

        @Override
        public void run() {
            while (!closed) {
                RangeTask t = task;
                for (int spin = 0; t == null && spin < spins; spin++) {
                    Thread.onSpinWait();
                    t = task;
                }
                while (t == null && !closed) {
                    // idle: sleep until submit() or close() unparks this thread
                    LockSupport.park(this);
                    t = task;
                }
                if (t == null) {
                    return;
                }
                try {
                    t.run(part, from, to);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
                task = null;
                done = true;
            }
        }
    }
}
