package dev.nn.app;

import dev.nn.data.mnist.testing.RealMnist;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the app in-process with captured output; {@link #mnist()} finds the real MNIST as the app does. */
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
        return RealMnist.dir().toAbsolutePath().normalize();
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
