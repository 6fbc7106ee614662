package dev.nn.app.cli;

import dev.nn.run.options.ThreadsOption;
import picocli.CommandLine.Option;

/** {@code --parallel N}: how many runs a command trains at once, one thread each. */
public final class ParallelOption {

    @Option(names = "--parallel", paramLabel = "N", description = "Runs at once, one thread each (default: the"
            + " number of cores).")
    Integer parallel;

    /** Returns the runs at once: {@code --parallel}, or the number of cores. */
    public int workers() {
        return ThreadsOption.of(parallel).count();
    }
}
