package dev.nn.run.trials;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.sweep.SweepSpec;
import java.util.List;
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
    }
}
