package dev.nn.run.trials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.sweep.SweepSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A sweep's figures name the accuracy its trials measured. */
class SweepFiguresTests {

    private static SweepSpec spec(List<String> base) {
        return new SweepSpec(List.of(new SweepSpec.Axis("eta", List.of("0.1", "0.5"))), List.of(1L), base);
    }

    @Test
    void trialsThatHoldOutValidationDataAreFiguresOfValidationAccuracy() {
        assertEquals("Test accuracy", SweepFigures.accuracyName(spec(List.of("--epochs", "2"))));
        assertEquals("Validation accuracy", SweepFigures.accuracyName(spec(List.of("--epochs", "2", "--validation"))));
        // read as nn train reads the flags: named runs that all hold out validation data, and one that does not
        Map<String, List<String>> runs = new LinkedHashMap<>();
        runs.put("a", List.of("--validation", "--l2", "1"));
        runs.put("b", List.of("--validation"));
        SweepSpec named = new SweepSpec(List.of(SweepSpec.Axis.named("r", runs)), List.of(1L), List.of());
        assertEquals("Validation accuracy", SweepFigures.accuracyName(named));
        runs.put("b", List.of("--l2", "1"));
        assertEquals("Test accuracy", SweepFigures.accuracyName(new SweepSpec(List.of(SweepSpec.Axis.named("r", runs)),
                List.of(1L), List.of())));
    }
}
