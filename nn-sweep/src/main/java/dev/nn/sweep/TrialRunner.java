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
     * Runs {@code trial}, writing an ordinary run directory into {@code dir}. With {@code pauseAfter}
     * above 0 and below the trial's epochs, the trial stops after that epoch, leaving in {@code dir}
     * what it needs to go on from there when called again with a later {@code pauseAfter} or 0
     * (successive halving); a trial that was paused before goes on from where it stopped.
     *
     * @param pauseAfter the epoch to pause after, or 0 to run the trial to its end
     * @return the trial's history, from its first epoch
     * @throws TrialInterruptedException if the sweep is being stopped and the trial saved its checkpoint
     * @throws Exception if the trial failed; its message is the trial's one-line reason
     */
    History run(Trial trial, Path dir, int pauseAfter) throws Exception;
}
