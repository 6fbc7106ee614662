package dev.nn.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** Runs the app in-process with captured output, on the real MNIST of {@code ../shared/mnist}. */
final class AppRunner {

    /**
     * The result of one run.
     *
     * @param code the exit code
     * @param out what went to standard output
     * @param err what went to standard error
     */
    record Result(int code, String out, String err) {
    }

    private AppRunner() {
    }

    static Path mnist() {
        Path dir = Path.of(System.getProperty("nn.shared.dir", "../shared"), "mnist").toAbsolutePath().normalize();
        if (!"true".equals(System.getenv("CI"))) {
            Assumptions.assumeTrue(Files.isDirectory(dir), "MNIST files not found in " + dir);
        }
        return dir;
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
