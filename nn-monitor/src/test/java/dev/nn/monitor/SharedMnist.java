package dev.nn.monitor;

import dev.nn.data.mnist.testing.RealMnist;
import dev.nn.data.mnist.Mnist;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The real MNIST files, loaded once, found as the app finds them ({@link RealMnist}). */
final class SharedMnist {

    private static Mnist mnist;

    private SharedMnist() {
    }

    static synchronized Mnist get() {
        if (mnist == null) {
            try {
                mnist = Mnist.load(RealMnist.dir());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mnist;
    }
}
