package dev.nn.core.network;

import dev.nn.core.data.DataSet;
import org.ejml.data.DMatrixRMaj;

/**
 * Runs a network over a whole data set in batches, counting correct answers and summing the cost.
 * Buffers are sized once per evaluator; not thread-safe.
 */
public final class Evaluator implements AutoCloseable {

    /** The default number of examples fed forward at once. */
    public static final int DEFAULT_BATCH = 500;

    private final Network net;
    private final ForwardPass pass;
    private final DMatrixRMaj targets;
    private final RowSplitter splitter;

    /** Creates an evaluator for {@code net} that feeds {@link #DEFAULT_BATCH} examples at once. */
    public Evaluator(Network net) {
        this(net, DEFAULT_BATCH);
    }

    /** Creates an evaluator for {@code net} that feeds {@code batch} examples at once. */
    public Evaluator(Network net, int batch) {
        this(net, batch, RowSplitter.SERIAL);
    }

    /**
     * Creates an evaluator that shares each batch among {@code threads} threads; the results are
     * the same bits for any number. Close it to stop its threads.
     */
    public Evaluator(Network net, int batch, int threads) {
        this(net, batch, RowSplitter.forThreads(threads));
    }

    private Evaluator(Network net, int batch, RowSplitter splitter) {
        this.splitter = splitter;
        this.net = net;
        this.pass = new ForwardPass(net, batch, splitter);
        this.targets = new DMatrixRMaj(batch, net.outputSize());
    }

    /**
     * Evaluates the network's current parameters on {@code data}.
     *
     * @param computeCost whether to sum the cost (accuracy alone is cheaper)
     */
    public Evaluation evaluate(DataSet data, boolean computeCost) {
        if (data.inputSize() != net.inputSize() || data.classes() != net.outputSize()) {
            throw new IllegalArgumentException("data has " + data.inputSize() + " inputs and " + data.classes()
                    + " classes; the network takes " + net.inputSize() + " and gives " + net.outputSize());
        }
        int batch = pass.capacity();
        int correct = 0;
        double costSum = 0;
        for (int start = 0; start < data.size(); start += batch) {
            int m = Math.min(batch, data.size() - start);
            DMatrixRMaj x = pass.input();
            for (int s = 0; s < m; s++) {
                data.copyInputs(start + s, x.data, s * x.numCols);
            }
            pass.run(m);
            DMatrixRMaj out = pass.output();
            for (int s = 0; s < m; s++) {
                if (argmax(out, s) == data.label(start + s)) {
                    correct++;
                }
            }
            if (computeCost) {
                targets.reshape(m, targets.numCols, false);
                for (int s = 0; s < m; s++) {
                    data.copyTarget(start + s, targets.data, s * targets.numCols);
                }
                costSum += net.cost().value(out, targets);
            }
        }
        return new Evaluation(data.size(), correct, costSum);
    }

    /** Stops the worker threads, if any. */
    @Override
    public void close() {
        splitter.close();
    }

    private static int argmax(DMatrixRMaj out, int row) {
        int cols = out.numCols;
        int best = 0;
        for (int j = 1; j < cols; j++) {
            if (out.data[row * cols + j] > out.data[row * cols + best]) {
                best = j;
            }
        }
        return best;
    }
}
