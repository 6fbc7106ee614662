package dev.nn.core.network;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Splits rows into a few chunks per thread, which the caller and the worker threads claim one at a
 * time until none is left: a thread that another process holds back (a busy core) simply does
 * fewer, and the caller never waits for a part it could have done itself. Chunk {@code c} of
 * {@code C} is always rows {@code [rows·c/C, rows·(c+1)/C)}, so which thread runs it changes no bit.
 * Workers spin a while before parking, because mini-batch tasks last microseconds and waking a
 * parked thread takes tens of them. When the workers run less than a quarter of a window's chunks,
 * their cores are taken by something else, and the caller runs the next splits alone before it
 * tries them again.
 */
final class ParallelRowSplitter implements RowSplitter {

    /** Below this many multiply-adds a task runs on the caller alone: a hand-off would cost more. */
    static final long MIN_WORK = 100_000;

    /**
     * Chunks per thread that takes part: enough that a thread holding half the speed of the others
     * costs a chunk's time at the end, not half the split's; few enough that claiming stays free.
     */
    static final int CHUNKS_PER_THREAD = 4;

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

    /** Splits over which the workers' share of the chunks is judged. */
    static final int WINDOW = 64;

    /**
     * Splits the caller then runs alone after a window in which the workers ran less than a
     * quarter of the chunks (another process holds their cores: waking them costs the caller more
     * than they do); after these, the workers are tried again.
     */
    static final int ALONE_SPLITS = 1024;

    /** How long the caller spins for chunks other threads are finishing before it yields. */
    private static final int AWAIT_SPINS = 1 << 10;

    private final Worker[] workers;
    private final int spins;
    /** The split under way: its number in the high 32 bits, the next chunk to claim in the low. */
    private final AtomicLong claims = new AtomicLong();
    /** Chunks of the split under way that have ended, run or failed. */
    private final AtomicInteger finished = new AtomicInteger();
    /** The split's number, which workers watch for the next split; written after the fields below. */
    private volatile int generation;
    private volatile boolean closed;
    private RangeTask task;
    private int rows;
    private int chunks;
    /** The split's first failure, thrown by the caller once every chunk has ended. */
    private volatile Throwable failure;
    /** The caller's own: splits and chunks of the window so far, how many the workers ran, splits left alone. */
    private int windowSplits;
    private int windowChunks;
    private int windowByWorkers;
    private int aloneSplits;

    ParallelRowSplitter(int threads, int spins) {
        this.spins = spins;
        workers = new Worker[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker(i + 1);
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
            task.run(0, 0, rows);
            return;
        }
        if (aloneSplits > 0) {
            aloneSplits--;
            task.run(0, 0, rows);
            return;
        }
        int g = generation + 1;
        this.task = task;
        this.rows = rows;
        this.chunks = Math.min(rows, parts * CHUNKS_PER_THREAD);
        this.failure = null;
        finished.set(0);
        claims.set((long) g << 32);
        generation = g;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
        int byCaller = runChunks(g, 0);
        for (int spin = 0; finished.get() < chunks; spin++) {
            if (spin < AWAIT_SPINS) {
                Thread.onSpinWait();
            } else {
                // with more runnable threads than cores, spinning would take the core a worker
                // needs to end its chunk
                Thread.yield();
            }
        }
        this.task = null;
        judgeShare(chunks, chunks - byCaller);
        Throwable e = failure;
        // as thrown: an Error in a worker (out of memory) stops the work, it is not made an exception
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw (RuntimeException) e;
        }
    }

    /** Counts a split's chunks and the workers' part of them; after a window, decides whether to go alone for a while. */
    void judgeShare(int chunks, int byWorkers) {
        windowChunks += chunks;
        windowByWorkers += byWorkers;
        if (++windowSplits == WINDOW) {
            if (4L * windowByWorkers < windowChunks) {
                aloneSplits = ALONE_SPLITS;
            }
            windowSplits = 0;
            windowChunks = 0;
            windowByWorkers = 0;
        }
    }

    /**
     * Claims and runs chunks of split {@code g} as thread part {@code part} until none is left, or
     * until a later split has begun (a worker that woke late claims nothing); returns how many it ran.
     */
    private int runChunks(int g, int part) {
        int run = 0;
        while (true) {
            long c = claims.get();
            if ((int) (c >>> 32) != g || (int) c >= chunks) {
                return run;
            }
            // the count of chunks read above may be a later split's, but then this claim fails
            if (!claims.compareAndSet(c, c + 1)) {
                continue;
            }
            // claimed: the split cannot end, nor the fields change, before this chunk is counted
            int chunk = (int) c;
            try {
                if (failure == null) {
                    task.run(part, (int) ((long) rows * chunk / chunks), (int) ((long) rows * (chunk + 1) / chunks));
                }
            } catch (RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                }
            } finally {
                finished.incrementAndGet();
                run++;
            }
        }
    }

    @Override
    public int maxParts() {
        return workers.length + 1;
    }

    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) {
            LockSupport.unpark(w.thread);
        }
    }

    /** One worker thread: it waits for the next split and claims chunks of it as thread part {@code part}. */
    private final class Worker implements Runnable {
        private final int part;
        Thread thread;

        Worker(int part) {
            this.part = part;
        }

        @Override
        public void run() {
            int seen = 0;
            // spins while it finds work in the splits it wakes to; a worker that found every chunk
            // taken (its core was busy, the caller did them) spins less, down to parking at once,
            // so that it does not take the time the caller's thread needs on a shared core
            int spinBudget = spins;
            while (!closed) {
                int g = generation;
                for (int spin = 0; g == seen && spin < spinBudget; spin++) {
                    Thread.onSpinWait();
                    g = generation;
                }
                while (g == seen && !closed) {
                    // idle: sleep until a split or close() unparks this thread
                    LockSupport.park(this);
                    g = generation;
                }
                if (g == seen) {
                    return;
                }
                seen = g;
                spinBudget = runChunks(g, part) > 0 ? spins : spinBudget >> 1;
            }
        }
    }
}
