package dev.nn.core.network;

import dev.nn.core.kernel.DenseKernels;
import org.ejml.data.DMatrixRMaj;

/** The buffers of one feedforward pass: {@code a[0]} is the input, {@code z[l]} and {@code a[l+1]} layer l's. */
final class ForwardPass {

    final Network net;
    final DMatrixRMaj[] z;
    final DMatrixRMaj[] a;
    private final RowSplitter splitter;

    ForwardPass(Network net, int maxBatch) {
        this(net, maxBatch, RowSplitter.SERIAL);
    }

    ForwardPass(Network net, int maxBatch, RowSplitter splitter) {
        this.net = net;
        this.splitter = splitter;
        int[] sizes = net.sizes();
        z = new DMatrixRMaj[sizes.length - 1];
        a = new DMatrixRMaj[sizes.length];
        a[0] = new DMatrixRMaj(maxBatch, sizes[0]);
        for (int l = 0; l < z.length; l++) {
            z[l] = new DMatrixRMaj(maxBatch, sizes[l + 1]);
            a[l + 1] = new DMatrixRMaj(maxBatch, sizes[l + 1]);
        }
    }

    DMatrixRMaj input() {
        return a[0];
    }

    DMatrixRMaj output() {
        return a[a.length - 1];
    }

    int capacity() {
        return a[0].data.length / a[0].numCols;
    }

    /** Sets every buffer to {@code m} rows; the first m rows of the input keep their values. */
    void reshape(int m) {
        for (DMatrixRMaj matrix : a) {
            matrix.reshape(m, matrix.numCols, false);
        }
        for (DMatrixRMaj matrix : z) {
            matrix.reshape(m, matrix.numCols, false);
        }
    }

    /** Feeds the first {@code m} rows of the input forward. */
    void run(int m) {
        reshape(m);
        for (int l = 0; l < z.length; l++) {
            DMatrixRMaj in = a[l];
            DMatrixRMaj zl = z[l];
            int layer = l;
            splitter.split(m, in.numCols * zl.numCols / 4,
                    (from, to) -> DenseKernels.forward(in, net.weightsT[layer], net.biases[layer], zl, from, to));
            net.activation(l).apply(zl, a[l + 1]);
        }
    }
}
