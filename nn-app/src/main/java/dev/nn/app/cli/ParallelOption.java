package dev.nn.app.cli;

import dev.nn.run.UsageException;

import dev.nn.run.options.ThreadsOption;
import picocli.CommandLine.Option;

/** {@code --parallel N}: how many runs a command trains at once, one thread each. */
public final class ParallelOption {

    @Option(names = "--parallel", paramLabel = "N", description = "Runs at once, one thread each (default: the"
            + " number of cores).")
    Integer parallel;

    /** Returns the runs at once: {@code --parallel}, or the number of cores. */
    public int workers() {
        try {
            return ThreadsOption.of(parallel).count();
        } catch (UsageException e) {
            // the same bounds as --threads, said of the flag the user gave
            throw new UsageException(e.getMessage().replace("--threads", "--parallel").replace("threads", "runs"));
        }
    }
}
