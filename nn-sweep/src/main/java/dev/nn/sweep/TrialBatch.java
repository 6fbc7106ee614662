package dev.nn.sweep;

import java.util.List;

/**
 * Runs the trials of a sweep (of a rung, with successive halving) all at once, somewhere other than
 * this process's threads (a cluster), instead of the sweep's own threads and {@link TrialRunner}.
 */
@FunctionalInterface
public interface TrialBatch {

    /**
     * Runs {@code trials}, each to {@code pauseAfter} (0: to its end), writing their run directories
     * under {@code trials/} of the sweep's directory.
     *
     * @return each trial's result, in the order of {@code trials}; a trial that failed is a
     *     {@link TrialResult#failed} result, never an exception
     * @throws Exception if the batch as a whole could not run (the sweep stops; what finished before
     *     is in the journal)
     */
    List<TrialResult> run(List<Trial> trials, int pauseAfter) throws Exception;
}
