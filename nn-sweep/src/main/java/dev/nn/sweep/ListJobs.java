package dev.nn.sweep;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/** The trial runs of a grid, or of one rung of successive halving: the listed trials not done, in order. */
final class ListJobs implements TrialWorkers.Jobs {

    private final Deque<TrialWorkers.Run> pending = new ArrayDeque<>();
    private final Map<String, TrialResult> done;
    private final Journal journal;
    private final int runs;

    /**
     * Lists the runs of {@code trials} that {@code done} lacks, to {@code pauseAfter} (0: their end).
     *
     * @param rung the rung their results are journaled at (0 without halving)
     * @param done the results so far, which this adds to
     * @param runs the trial runs of the whole sweep, for its progress
     */
    ListJobs(List<Trial> trials, int rung, int pauseAfter, Map<String, TrialResult> done, Journal journal, int runs) {
        this.done = done;
        this.journal = journal;
        this.runs = runs;
        for (Trial t : trials) {
            if (!done.containsKey(t.name())) {
                pending.add(new TrialWorkers.Run(t, rung, pauseAfter, null));
            }
        }
    }

    @Override
    public TrialWorkers.Run take() {
        return pending.poll();
    }

    @Override
    public void putBack(TrialWorkers.Run run) {
        pending.addFirst(run);
    }

    @Override
    public void finished(TrialWorkers.Run run, TrialResult result) throws IOException {
        journal.append(result, run.rung());
        done.put(result.trial(), result);
    }

    @Override
    public int runs() {
        return runs;
    }
}
