package dev.nn.core.network;

import dev.nn.core.data.DataSet;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The passes of every layer of a network, in order, for batches of up to a fixed size: the first
 * dense layer takes the input (a dense matrix, or rows loaded as their nonzero entries), each
 * layer's output is the next one's input. Made for training (dropout drops units, the passes keep
 * what backprop needs) or for evaluating. Sized once; not thread-safe.
 */
final class ForwardPass {

    final LayerPass[] passes;
    /** The dense layers' passes, by weight layer. */
    final DensePass[] dense;
    private final Matrix input;

    /**
     * Creates the passes of {@code net}'s layers.
     *
     * @param dropoutRandom the generator of the dropout masks in training; null for a pass that evaluates
     */
    ForwardPass(Network net, int maxBatch, RowSplitter splitter, boolean training, SplittableRandom dropoutRandom) {
        List<Layer> layers = net.layers();
        passes = new LayerPass[layers.size()];
        dense = new DensePass[net.layerCount()];
        input = Matrix.of(maxBatch, net.inputSize());
        int l = 0;
        for (int i = 0; i < passes.length; i++) {
            Layer layer = layers.get(i);
            if (layer instanceof DenseLayer) {
                dense[l] = new DensePass(net, l, maxBatch, splitter, training);
                passes[i] = dense[l++];
            } else {
                passes[i] = new DropoutPass((DropoutLayer) layer, layer.units(), maxBatch,
                        training ? dropoutRandom : null);
            }
        }
    }

    /** Creates the passes that evaluate: dropout passes its input through. */
    ForwardPass(Network net, int maxBatch, RowSplitter splitter) {
        this(net, maxBatch, splitter, false, null);
    }

    Matrix input() {
        return input;
    }

    Matrix output() {
        return passes[passes.length - 1].output();
    }

    int capacity() {
        return dense[0].capacity();
    }

    /** Loads example {@code example} of {@code data} as input row {@code s}, as its nonzero entries only. */
    void load(int s, DataSet data, int example) {
        dense[0].load(s, data, example);
    }

    /** Loads examples {@code start .. start+m-1} of {@code data} as input rows 0 .. m-1, as by {@link #load(int, DataSet, int)}. */
    void load(DataSet data, int start, int m) {
        for (int s = 0; s < m; s++) {
            load(s, data, start + s);
        }
    }

    /** Feeds the first {@code m} rows of the input forward: rows given by {@link #load}, else the dense input. */
    void run(int m) {
        input.setRows(m);
        Matrix in = input;
        for (LayerPass pass : passes) {
            pass.forward(in, m);
            in = pass.output();
        }
    }
}
