package dev.nn.core.plugins;

import java.util.SplittableRandom;
import dev.nn.core.spi.Matrix;

/** Fills matrices with standard normal draws, in storage order. */
final class Gaussians {

    private Gaussians() {
    }

    static void fill(Matrix m, SplittableRandom random) {
        for (int i = 0; i < m.size(); i++) {
            m.data()[i] = random.nextGaussian();
        }
    }
}
