package dev.nn.data.mnist.testing;

import dev.nn.data.mnist.MnistLocator;
import dev.nn.data.mnist.MnistNotFoundException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The real MNIST files, for the tests that need them, found as the app finds them:
 * {@code NN_MNIST_DIR}, then the per-user cache; never downloaded. Without them the tests that ask
 * are skipped ({@link SkippedTestsReport} then says which, and what to set); under CI ({@code CI=true}),
 * where nothing real may be skipped, they fail instead.
 */
public final class RealMnist {

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
            // SkippedTestsReport prints this once per module, with the tests it skipped
            Assumptions.abort("they need the real MNIST files, which are neither in $" + MnistLocator.ENV
                    + " nor in the cache; run them with " + MnistLocator.ENV + "=DIR ./mvnw -B verify (DIR holding the"
                    + " four files; ./nn demo downloads them into the cache)");
            throw new AssertionError("not reached");
        }
    }
}
