package dev.nn.sweep;

import dev.nn.monitor.History;
import java.nio.file.Path;

/**
 * Runs one trial as {@code nn train} runs it, in its own run directory, on one thread; the
 * application provides it. Called from several threads at once, for different trials.
 */
@FunctionalInterface
public interface TrialRunner {

    /**
     * Runs {@code trial}, writing an ordinary run directory into {@code dir}.
     *
     * @return the trial's history
     * @throws TrialInterruptedException if the sweep is being stopped and the trial saved its checkpoint
     * @throws Exception if the trial failed; its message is the trial's one-line reason
     */
    History run(Trial trial, Path dir) throws Exception;
}
