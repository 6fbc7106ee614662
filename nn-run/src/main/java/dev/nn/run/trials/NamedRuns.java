package dev.nn.run.trials;

import dev.nn.run.RunSpec;
import dev.nn.run.options.TrainingOptions;
import dev.nn.sweep.FlagList;
import dev.nn.sweep.SweepSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sweep preset: runs given as {@link RunSpec}s by name ({@code nn demo}'s none, l2, l1, l1-prox),
 * made the sweep of named runs that runs each with every seed. The sweep keeps flags, as every sweep
 * does: its base is the flags that all the runs share, each named run the rest, and every trial's
 * flags give back its run's spec with the trial's seed (checked as the sweep is made).
 */
public final class NamedRuns {

    private NamedRuns() {
    }

    /**
     * Returns the sweep of {@code runs}, named along the grid axis {@code axis}, each with every one
     * of {@code seeds} (the specs' own seeds are not used).
     *
     * @throws IllegalArgumentException if there are no runs or no seeds, or a name cannot be a trial's
     */
    public static SweepSpec sweep(String axis, Map<String, RunSpec> runs, List<Long> seeds) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("a sweep of named runs needs a run");
        }
        Map<String, List<List<String>>> pairs = new LinkedHashMap<>();
        runs.forEach((name, spec) -> pairs.put(name, pairs(spec.args())));
        List<List<String>> shared = new ArrayList<>();
        for (List<String> pair : pairs.values().iterator().next()) {
            if (pairs.values().stream().allMatch(p -> p.contains(pair) && once(p, pair.get(0)))) {
                shared.add(pair);
            }
        }
        Map<String, List<String>> flags = new LinkedHashMap<>();
        pairs.forEach((name, p) -> flags.put(name, flatten(p.stream().filter(pair -> !shared.contains(pair)).toList())));
        SweepSpec sweep = new SweepSpec(List.of(SweepSpec.Axis.named(axis, flags)), seeds, flatten(shared));
        sweep.trials().forEach(trial -> {
            RunSpec wanted = runs.get(trial.point().get(axis)).toBuilder().seed(trial.seed()).build();
            RunSpec made = TrainingOptions.parse(trial.args()).toSpec();
            if (!made.equals(wanted)) {
                throw new IllegalStateException(trial.name() + ": its flags make another run: " + wanted.differenceFrom(made));
            }
        });
        return sweep;
    }

    /** The flags of {@code args} with their values, {@code --seed} left out: [flag] or [flag, value] each. */
    private static List<List<String>> pairs(List<String> args) {
        return FlagList.pairs(args).stream().filter(pair -> !pair.get(0).equals("--seed")).toList();
    }

    /** Whether {@code flag} is given once in {@code pairs}: a repeated flag (--regularizer) keeps its order in the run. */
    private static boolean once(List<List<String>> pairs, String flag) {
        return pairs.stream().filter(p -> p.get(0).equals(flag)).count() == 1;
    }

    private static List<String> flatten(List<List<String>> pairs) {
        List<String> flat = new ArrayList<>();
        pairs.forEach(flat::addAll);
        return Collections.unmodifiableList(flat);
    }
}
