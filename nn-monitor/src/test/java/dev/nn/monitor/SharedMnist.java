package dev.nn.monitor;

import dev.nn.data.mnist.Mnist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real MNIST files of {@code ../shared/mnist}: required under CI, skipped elsewhere if absent. */
final class SharedMnist {

    private static Mnist mnist;

    private SharedMnist() {
    }

    static synchronized Mnist get() {
        if (mnist == null) {
            Path dir = Path.of(System.getProperty("nn.shared.dir", "../shared"), "mnist");
            if (!"true".equals(System.getenv("CI"))) {
                Assumptions.assumeTrue(Files.isDirectory(dir), "MNIST files not found in " + dir);
            }
            try {
                mnist = Mnist.load(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mnist;
    }
}
