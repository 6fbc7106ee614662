package dev.nn.run.options;

import dev.nn.run.UsageException;
import picocli.CommandLine.Option;

/** The {@code --threads} option every computing command takes: all cores unless told otherwise. */
public final class ThreadsOption {

    /** Creates the option, unset: picocli fills it. */
    public ThreadsOption() {
    }

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: the number of cores); results"
            + " are the same bits for any number.")
    Integer requested;

    /** Returns an option set to {@code requested} threads, or to the default when null. */
    public static ThreadsOption of(Integer requested) {
        ThreadsOption option = new ThreadsOption();
        option.requested = requested;
        return option;
    }

    /**
     * Returns the number of threads to use: as given, else the number of cores.
     *
     * @throws UsageException if the given number is below 1
     */
    public int count() {
        int cores = Runtime.getRuntime().availableProcessors();
        int n = requested != null ? requested : cores;
        if (n < 1) {
            throw new UsageException("--threads must be >= 1, got " + n);
        }
        if (n > 4 * cores) {
            throw new UsageException("--threads must be at most 4 x the " + cores + " cores = " + 4 * cores + ", got "
                    + n);
        }
        return n;
    }
}
