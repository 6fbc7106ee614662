package dev.nn.core.network;

import dev.nn.core.data.DataSet;
import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The passes of every layer of a network, in order, for batches of up to a fixed size: the first
 * takes the input (a dense matrix, or examples the first layer loads from a data set itself), each
 * layer's output is the next one's input. Made for training (dropout drops units, the passes keep
 * what backprop needs) or for evaluating. Sized once; not thread-safe.
 */
final class ForwardPass {

    final LayerPass[] passes;
    private final Matrix input;
    private final int maxBatch;

    /**
     * Creates the passes of {@code net}'s layers.
     *
     * @param random the generator the layers draw from in training (dropout masks); null for a pass that evaluates
     */
    ForwardPass(Network net, int maxBatch, RowSplitter splitter, boolean training, SplittableRandom random) {
        List<Layer> layers = net.layers();
        passes = new LayerPass[layers.size()];
        input = Matrix.of(maxBatch, net.inputSize());
        this.maxBatch = maxBatch;
        PassSetup setup = new PassSetup(maxBatch, training, training ? random : null, splitter);
        for (int i = 0; i < passes.length; i++) {
            passes[i] = layers.get(i).newPass(setup);
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
        return maxBatch;
    }

    /**
     * Loads example {@code example} of {@code data} as input row {@code s}: the first layer takes it
     * from the data itself if it can (the dense layer copies only the nonzero inputs), else it is
     * copied into the input matrix.
     */
    void load(int s, DataSet data, int example) {
        if (!passes[0].load(s, data, example)) {
            data.copyInputs(example, input.data(), s * input.cols());
        }
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
