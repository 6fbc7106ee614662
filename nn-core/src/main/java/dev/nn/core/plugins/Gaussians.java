package dev.nn.core.plugins;

import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;

/** Fills matrices with standard normal draws, in storage order. */
final class Gaussians {

    private Gaussians() {
    }

    static void fill(DMatrixRMaj m, SplittableRandom random) {
        for (int i = 0; i < m.getNumElements(); i++) {
            m.data[i] = random.nextGaussian();
        }
    }
}
