package dev.nn.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of an ASHA sweep ({@link Asha}): each rung's results in the order its decisions read
 * them, who went on, and which trial run a free worker takes next. It holds no threads and writes
 * nothing; the same results recorded in the same order always make the same promotions, which is
 * how a resumed sweep replays its journal. Not thread-safe: its owner serializes calls.
 */
final class AshaLadder {

    /**
     * A trial run to take: {@code trial} to the epochs of {@code rung} (from 1).
     *
     * @param carried the trial's result at the rung before if it ended there on its own (early
     *     stopping): it goes on without running, or null
     */
    record Job(Trial trial, int rung, TrialResult carried) {
    }

    private final Asha asha;
    private final List<Trial> trials;
    private final List<String> names;
    private final Map<String, Trial> byName = new HashMap<>();
    /** Fastest mode's order of a rung's results (index 0 is rung 1): as they arrived. */
    private final List<List<String>> arrived = new ArrayList<>();
    private final List<Map<String, TrialResult>> results = new ArrayList<>();
    /** Per rung: how many of its ordered results have been decided on. */
    private final int[] decided;
    /** Per rung: the trials that went on to the next, in the order promoted. */
    private final List<List<String>> promoted = new ArrayList<>();
    /** Per rung: the trials taken to run there and not finished. */
    private final List<Set<String>> taken = new ArrayList<>();

    /** Starts an empty ladder over {@code trials}, the sweep's ({@link SweepSpec#trials}: at most its maximum). */
    AshaLadder(Asha asha, List<Trial> trials) {
        if (asha.rungs().isEmpty()) {
            throw new IllegalStateException("the sweep's ASHA has no rungs; work them out with Asha.withRungsFor");
        }
        this.asha = asha;
        this.trials = List.copyOf(trials);
        this.names = trials.stream().map(Trial::name).toList();
        this.trials.forEach(t -> byName.put(t.name(), t));
        for (int i = 0; i < asha.rungs().size(); i++) {
            arrived.add(new ArrayList<>());
            results.add(new LinkedHashMap<>());
            promoted.add(new ArrayList<>());
            taken.add(new HashSet<>());
        }
        decided = new int[asha.rungs().size()];
    }

    /**
     * Returns the order in which the decisions of a rung (from 0) read its results: reproducible, the
     * trials' order on the first rung and the order of promotion on the others; fastest, arrival.
     */
    private List<String> order(int i) {
        if (asha.mode() == Asha.Mode.FASTEST) {
            return arrived.get(i);
        }
        return i == 0 ? names : promoted.get(i - 1);
    }

    /** Returns true if {@code trial} is one of the ladder's. */
    boolean has(String trial) {
        return byName.containsKey(trial);
    }

    /**
     * Records a finished trial run and returns the promotions it allows, in the order made.
     *
     * @param rung the rung, from 1
     */
    List<Journal.Promoted> record(int rung, TrialResult result) {
        int i = index(rung);
        taken.get(i).remove(result.trial());
        if (asha.mode() == Asha.Mode.FASTEST && !arrived.get(i).contains(result.trial())) {
            arrived.get(i).add(result.trial());
        }
        results.get(i).put(result.trial(), result);
        return decide();
    }

    /** Voids a failed trial run, which runs again; decisions made with it stand. */
    void retry(int rung, String trial) {
        results.get(index(rung)).remove(trial);
    }

    /**
     * Returns the next trial run to take, or null if none can start now: the earliest promotion into
     * the highest rung not yet run, else the first trial not started.
     */
    Job take() {
        for (int i = results.size() - 1; i >= 1; i--) {
            for (String name : promoted.get(i - 1)) {
                if (!results.get(i).containsKey(name) && taken.get(i).add(name)) {
                    TrialResult before = results.get(i - 1).get(name);
                    boolean ended = before.epochsRun() < asha.rungs().get(i - 1);
                    return new Job(byName.get(name), i + 1, ended ? before : null);
                }
            }
        }
        for (Trial t : trials) {
            if (!results.get(0).containsKey(t.name()) && taken.get(0).add(t.name())) {
                return new Job(t, 1, null);
            }
        }
        return null;
    }

    /** Hands back a taken trial run that did not finish (the sweep was stopped), so that it can be taken again. */
    void putBack(Job job) {
        taken.get(index(job.rung())).remove(job.trial().name());
    }

    /** Returns the trial runs known so far: every trial's first rung and every promotion. */
    int runs() {
        return trials.size() + promoted.stream().mapToInt(List::size).sum();
    }

    /** Returns the trials that went on from {@code rung}, in the order promoted. */
    List<String> promotedFrom(int rung) {
        return List.copyOf(promoted.get(index(rung)));
    }

    /**
     * Decides every rung as far as its ordered results go: after each result in order, the best
     * {@code 1/rate} of those so far (ok ones, by test accuracy, ties to the earlier trial) go on if
     * they have not yet.
     */
    private List<Journal.Promoted> decide() {
        List<Journal.Promoted> made = new ArrayList<>();
        for (int i = 0; i + 1 < results.size(); i++) {
            List<String> ordered = order(i);
            Map<String, TrialResult> in = results.get(i);
            while (decided[i] < ordered.size() && in.containsKey(ordered.get(decided[i]))) {
                int m = ++decided[i];
                List<TrialResult> ranked = new ArrayList<>();
                for (String name : ordered.subList(0, m)) {
                    TrialResult r = in.get(name);
                    if (r != null && r.ok() && !Double.isNaN(r.finalTestAccuracy())) {
                        ranked.add(r);
                    }
                }
                ranked.sort(Comparator.comparingDouble((TrialResult r) -> -r.finalTestAccuracy())
                        .thenComparingInt(r -> byName.get(r.trial()).index()));
                for (TrialResult r : ranked.subList(0, Math.min(ranked.size(), m / asha.rate()))) {
                    if (!promoted.get(i).contains(r.trial())) {
                        promoted.get(i).add(r.trial()); // in reproducible mode, the next rung's order too
                        made.add(new Journal.Promoted(r.trial(), i + 1, asha.rungs().get(i)));
                    }
                }
            }
        }
        return made;
    }

    private int index(int rung) {
        if (rung < 1 || rung > results.size()) {
            throw new IllegalArgumentException("rung " + rung + ": this ASHA has rungs 1 to " + results.size());
        }
        return rung - 1;
    }
}
