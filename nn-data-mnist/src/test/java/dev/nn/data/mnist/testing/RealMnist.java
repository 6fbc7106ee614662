package dev.nn.data.mnist.testing;

import dev.nn.data.mnist.MnistLocator;
import dev.nn.data.mnist.MnistNotFoundException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MNIST files, for the tests that need them, found as the app finds them:
 * {@code NN_MNIST_DIR}, then the per-user cache; never downloaded. Without them the tests that ask
 * are skipped, with one line on standard error saying what to set; under CI ({@code CI=true}),
 * where nothing real may be skipped, they fail instead.
 */
public final class RealMnist {

    private static final AtomicBoolean TOLD = new AtomicBoolean();

    private RealMnist() {
    }

    /** Returns the directory with the four files, or skips (fails, under CI) the calling test. */
    public static Path dir() {
        try {
            return new MnistLocator(System::getenv, MnistLocator.defaultCache(System::getenv), null).locate(null);
        } catch (MnistNotFoundException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true, and the tests need the real MNIST files: " + e.getMessage());
            }
            if (TOLD.compareAndSet(false, true)) {
                System.err.println("[nn tests] skipping the tests that need the real MNIST files; set "
                        + MnistLocator.ENV + " to a directory with the four files to run them");
            }
            Assumptions.abort("the real MNIST files are not on this machine: " + e.getMessage());
            throw new AssertionError("not reached");
        }
    }
}
