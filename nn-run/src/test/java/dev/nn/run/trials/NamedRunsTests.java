package dev.nn.run.trials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.run.RunSpec;
import dev.nn.run.options.TrainingOptions;
import dev.nn.sweep.SweepSpec;
import dev.nn.sweep.Trial;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A preset's runs, given as specs, become a sweep whose trials are those specs with their seeds. */
class NamedRunsTests {

    @Test
    void theSharedFlagsAreTheBaseAndEveryTrialIsItsRunWithItsSeed() {
        RunSpec base = RunSpec.builder().trainSize(1000).epochs(4).monitor(true).build();
        Map<String, RunSpec> runs = new LinkedHashMap<>();
        runs.put("plain", base);
        runs.put("l2", base.toBuilder().l2(0.2).build());
        // two penalties, the order of which is the order of their terms: they stay together, in order
        runs.put("two", base.toBuilder().regularizer("max-norm", 3).regularizer("l1-prox", 0.1).build());
        runs.put("one", base.toBuilder().regularizer("l1-prox", 0.1).eta(0.25).build());
        SweepSpec sweep = NamedRuns.sweep("run", runs, List.of(5L, 6L));
        assertEquals(List.of("--train-size", "1000", "--epochs", "4", "--monitor"), sweep.base());
        assertEquals(List.of(), sweep.grid().get(0).flags().get("plain"));
        assertEquals(List.of("--regularizer", "max-norm=3.0", "--regularizer", "l1-prox=0.1"),
                sweep.grid().get(0).flags().get("two"));
        assertEquals(8, sweep.trials().size());
        for (Trial trial : sweep.trials()) {
            assertEquals(runs.get(trial.point().get("run")).toBuilder().seed(trial.seed()).build(),
                    TrainingOptions.parse(trial.args()).toSpec(), trial.name());
        }
        assertEquals("two-seed=6", sweep.trials().get(5).name());
    }
}
