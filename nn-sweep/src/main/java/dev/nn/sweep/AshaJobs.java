package dev.nn.sweep;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trial runs of an ASHA sweep: what its {@link AshaLadder} gives, each result journaled with
 * the promotions it makes.
 */
final class AshaJobs implements TrialWorkers.Jobs {

    private final Asha asha;
    private final AshaLadder ladder;
    private final Journal journal;
    private final SweepListener listener;

    private AshaJobs(Asha asha, AshaLadder ladder, Journal journal, SweepListener listener) {
        this.asha = asha;
        this.ladder = ladder;
        this.journal = journal;
        this.listener = listener;
    }

    /**
     * Replays the journal into a ladder in the journal's order (the promotions it makes must be those
     * the journal holds; those it lacks, cut off by a kill, are written) and returns the runs left.
     *
     * @throws IOException naming the journal if it holds a promotion its results do not make
     */
    static AshaJobs resume(Asha asha, List<Trial> trials, Path dir, Journal journal, Journal.Contents contents,
            SweepListener listener) throws IOException {
        AshaLadder ladder = new AshaLadder(asha, trials);
        List<Journal.Promoted> made = new ArrayList<>();
        for (Journal.Entry entry : contents.entries()) {
            if (entry instanceof Journal.Ran ran && ladder.has(ran.result().trial())) {
                made.addAll(ladder.record(ran.rung(), ran.result()));
            } else if (entry instanceof Journal.Retried retried && ladder.has(retried.trial())) {
                ladder.retry(retried.rung(), retried.trial());
            }
        }
        List<Journal.Promoted> recorded = contents.promotions();
        for (Journal.Promoted p : recorded) {
            if (!made.contains(p)) {
                throw new IOException(dir.resolve(SweepLayout.JOURNAL) + ": promotes " + p.trial() + " from rung "
                        + p.rung() + ", which the results before it do not: not this sweep's journal");
            }
        }
        for (Journal.Promoted p : made) {
            if (!recorded.contains(p)) {
                journal.append(p);
            }
        }
        return new AshaJobs(asha, ladder, journal, listener);
    }

    @Override
    public TrialWorkers.Run take() {
        AshaLadder.Job job = ladder.take();
        if (job == null) {
            return null;
        }
        boolean last = job.rung() == asha.rungs().size();
        return new TrialWorkers.Run(job.trial(), job.rung(), last ? 0 : asha.rungs().get(job.rung() - 1),
                job.carried());
    }

    @Override
    public void putBack(TrialWorkers.Run run) {
        ladder.putBack(new AshaLadder.Job(run.trial(), run.rung(), run.carried()));
    }

    @Override
    public void finished(TrialWorkers.Run run, TrialResult result) throws IOException {
        journal.append(result, run.rung());
        for (Journal.Promoted p : ladder.record(run.rung(), result)) {
            journal.append(p);
            listener.trialPromoted(p.trial(), p.rung(), p.epochs());
        }
    }

    @Override
    public int runs() {
        return ladder.runs();
    }
}
