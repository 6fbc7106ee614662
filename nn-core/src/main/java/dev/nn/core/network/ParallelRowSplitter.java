package dev.nn.core.network;

import java.util.concurrent.locks.LockSupport;

/**
 * Splits rows into contiguous chunks, one per thread: the caller runs the first, worker threads
 * the others. Workers spin briefly before parking, because mini-batch tasks last microseconds.
 */
final class ParallelRowSplitter implements RowSplitter {

    /** Below this many multiply-adds a task runs on the caller alone: a hand-off would cost more. */
    static final long MIN_WORK = 100_000;

    private final Worker[] workers;

    ParallelRowSplitter(int threads) {
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker();
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
        private static final int SPINS = 1 << 11;

        Thread thread;
        volatile boolean closed;
        private volatile RangeTask task;
        private volatile boolean done = true;
        private int part;
        private int from;
        private int to;
        private Throwable failure;

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
                if (spin < SPINS) {
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
                for (int spin = 0; t == null && spin < SPINS; spin++) {
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
