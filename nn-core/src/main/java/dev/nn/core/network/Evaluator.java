package dev.nn.core.network;

import dev.nn.core.data.DataSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import dev.nn.core.spi.Matrix;

/**
 * Runs a network over a whole data set in batches, counting correct answers and summing the cost.
 * With several threads, whole batches go to different threads, each with its own buffers, claimed
 * one at a time; the batches' cost sums are added in batch order, so the result is the same bits
 * for any number of threads. {@link #evaluate} is not thread-safe; a {@link Job} from {@link #start}
 * is meant to be shared by threads of the caller's own (a background thread and the one waiting).
 */
public final class Evaluator implements AutoCloseable {

    /** The default number of examples fed forward at once. */
    public static final int DEFAULT_BATCH = 100;

    private final Network net;
    private final int batch;
    private final RowSplitter splitter;
    private final ConcurrentLinkedQueue<Buffers> idle = new ConcurrentLinkedQueue<>();

    /** Creates an evaluator for {@code net} that feeds {@link #DEFAULT_BATCH} examples at once. */
    public Evaluator(Network net) {
        this(net, DEFAULT_BATCH, 1);
    }

    /** Creates an evaluator for {@code net} that feeds {@code batch} examples at once. */
    public Evaluator(Network net, int batch) {
        this(net, batch, 1);
    }

    /**
     * Creates an evaluator that shares the batches among {@code threads} threads; the results are
     * the same bits for any number. Close it to stop its threads.
     */
    public Evaluator(Network net, int batch, int threads) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be >= 1, got " + batch);
        }
        this.net = net;
        this.batch = batch;
        this.splitter = RowSplitter.forEvaluation(threads);
    }

    /**
     * Evaluates the network's current parameters on {@code data}.
     *
     * @param computeCost whether to sum the cost (accuracy alone is cheaper)
     */
    public Evaluation evaluate(DataSet data, boolean computeCost) {
        Job job = start(data, computeCost);
        splitter.split(job.batches, batch * net.inputSize() * net.outputSize() / 4, job);
        return job.await();
    }

    /**
     * Prepares an evaluation of {@code data} with the network's parameters as they are when the
     * work is done, and returns it without doing any: threads of the caller's own then share it
     * through {@link Job#work} and {@link Job#await}, each batch evaluated once, the result the
     * same bits however the batches were shared. The network must not change until it is done.
     *
     * @param computeCost whether to sum the cost (accuracy alone is cheaper)
     */
    public Job start(DataSet data, boolean computeCost) {
        if (data.inputSize() != net.inputSize() || data.classes() != net.outputSize()) {
            throw new IllegalArgumentException("data has " + data.inputSize() + " inputs and " + data.classes()
                    + " classes; the network takes " + net.inputSize() + " and gives " + net.outputSize());
        }
        return new Job(data, computeCost, (data.size() + batch - 1) / batch);
    }

    /** Stops the worker threads, if any. */
    @Override
    public void close() {
        splitter.close();
    }

    private static int argmax(Matrix out, int row) {
        int cols = out.cols();
        int best = 0;
        for (int j = 1; j < cols; j++) {
            if (out.data()[row * cols + j] > out.data()[row * cols + best]) {
                best = j;
            }
        }
        return best;
    }

    /**
     * One thread's buffers: a feedforward pass and a target matrix. Its per-batch method has no
     * loops of its own: the loops live in small methods, which the JIT compiles once each early on,
     * instead of compiling (and, as the data set changes, recompiling) one large method.
     */
    private final class Buffers {
        final ForwardPass pass = new ForwardPass(net, batch, RowSplitter.SERIAL);
        final Matrix targets = Matrix.of(batch, net.outputSize());

        void evaluate(DataSet data, int b, boolean computeCost, int[] correct, double[] costSums) {
            int start = b * batch;
            int m = Math.min(batch, data.size() - start);
            pass.load(data, start, m);
            pass.run(m);
            correct[b] = countCorrect(pass.output(), data, start, m);
            if (computeCost) {
                loadTargets(data, start, m);
                costSums[b] = net.cost().value(pass.output(), targets);
            }
        }

        private void loadTargets(DataSet data, int start, int m) {
            targets.setRows(m);
            for (int s = 0; s < m; s++) {
                data.copyTarget(start + s, targets.data(), s * targets.cols());
            }
        }
    }

    /** Returns how many of the first m output rows have their largest entry at the label of example start + row. */
    private static int countCorrect(Matrix out, DataSet data, int start, int m) {
        int right = 0;
        for (int s = 0; s < m; s++) {
            if (argmax(out, s) == data.label(start + s)) {
                right++;
            }
        }
        return right;
    }

    /**
     * One evaluation of a data set, in batches that threads claim one at a time until none is left,
     * with buffers taken from the evaluator's idle pool: a thread that is slowed down (the JIT,
     * another process, training beside it) simply does fewer. Every batch writes its own slot and
     * the slots are added in batch order, so the sharing changes nothing in the result.
     */
    public final class Job implements RowSplitter.RangeTask {
        private final DataSet data;
        private final boolean computeCost;
        private final int batches;
        private final int[] correct;
        private final double[] costSums;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger done = new AtomicInteger();
        private volatile Throwable failure;

        private Job(DataSet data, boolean computeCost, int batches) {
            this.data = data;
            this.computeCost = computeCost;
            this.batches = batches;
            this.correct = new int[batches];
            this.costSums = new double[batches];
        }

        @Override
        public void run(int from, int to) {
            work();
        }

        /** Evaluates batches on the calling thread until none is left to claim. */
        public void work() {
            Buffers buffers = idle.poll();
            if (buffers == null) {
                buffers = new Buffers();
            }
            try {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                    try {
                        // after a failure the batches left are only counted off
                        if (failure == null) {
                            buffers.evaluate(data, b, computeCost, correct, costSums);
                        }
                    } catch (RuntimeException | Error e) {
                        failure = e;
                    } finally {
                        done.incrementAndGet();
                    }
                }
            } finally {
                idle.offer(buffers);
            }
        }

        /**
         * Evaluates what is left on the calling thread, waits for the batches other threads are
         * finishing, and returns the result.
         *
         * @throws RuntimeException the first failure of any thread's batch, as thrown
         */
        public Evaluation await() {
            work();
            for (int spin = 0; done.get() < batches; spin++) {
                if (spin < 1 << 10) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
            Throwable e = failure;
            if (e instanceof Error error) {
                throw error;
            }
            if (e != null) {
                throw (RuntimeException) e;
            }
            int right = 0;
            double costSum = 0;
            for (int b = 0; b < batches; b++) {
                right += correct[b];
                costSum += costSums[b];
            }
            return new Evaluation(data.size(), right, costSum);
        }
    }
}
