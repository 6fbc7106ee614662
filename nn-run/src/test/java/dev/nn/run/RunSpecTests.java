package dev.nn.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.run.options.TrainingOptions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A run spec: nn train's defaults, one codec that gives it back, flags that make it, values checked as nn train checks them. */
class RunSpecTests {

    /** Every field away from its default. */
    private static RunSpec everything() {
        return RunSpec.builder().layers(784, 100, 30, 10).seed(7).trainSize(1000).epochs(5).batchSize(20).eta(0.1)
                .l1(0.3).l2(0.4).regularizer("max-norm", 3).regularizer("l1-prox", 0.2).optimizer("nesterov")
                .momentum(0.5).dropout(0.25).cost("log-likelihood").activation("leaky-relu:slope=0.1")
                .outputActivation("softmax").init("large").monitor(true).expand(true).weightStats(true).validation(true)
                .earlyStop(4).schedule(true).shuffle(false).penaltiesPerBatch(true).keepBest(true).build();
    }

    @Test
    void theDefaultsAreNnTrains() {
        assertEquals(TrainingOptions.parse(List.of()).toSpec(), RunSpec.builder().build());
        assertEquals(List.of(), RunSpec.builder().build().args());
    }

    @Test
    void theCodecGivesTheSpecBack() {
        for (RunSpec spec : List.of(RunSpec.builder().build(), everything())) {
            assertEquals(spec, RunSpec.fromJson(spec.toJson()));
            assertEquals(spec.toJson(), RunSpec.fromJson(spec.toJson()).toJson());
        }
        assertEquals("{\"layers\":[784,30,10],\"seed\":3,\"epochs\":30,\"batchSize\":10,\"eta\":0.5,\"l1\":0.0,"
                + "\"l2\":0.0,\"regularizers\":{},\"dropout\":0.0,\"cost\":\"cross-entropy\",\"activation\":\"sigmoid\","
                + "\"init\":\"default\",\"monitor\":false,\"expand\":false,\"weightStats\":false,\"validation\":false,"
                + "\"schedule\":false,\"shuffle\":true,\"penaltiesPerBatch\":false,\"keepBest\":false}",
                RunSpec.builder().build().toJson());
        assertEquals(List.of("max-norm", "l1-prox"), List.copyOf(RunSpec.fromJson(everything().toJson()).regularizers()
                .keySet()), "the regularizers keep their order");
    }

    @Test
    void aDifferenceNamesEachFieldByItsFlagAndBothValues() {
        RunSpec a = RunSpec.builder().epochs(2).trainSize(300).build();
        RunSpec b = a.toBuilder().epochs(3).l2(0.2).trainSize(null).regularizer("l1-prox", 0.1).build();
        assertEquals("train-size 300, not unset; epochs 2, not 3; l2 0.0, not 0.2; regularizers {}, not {\"l1-prox\":0.1}",
                a.differenceFrom(b));
        assertEquals(null, a.differenceFrom(a.toBuilder().build()));
    }

    @Test
    void theFlagsMakeTheSpec() {
        RunSpec spec = everything();
        assertEquals(spec, TrainingOptions.parse(spec.args()).toSpec());
        assertNotEquals(spec, spec.toBuilder().seed(8).build());
    }

    @Test
    void aFieldTheCodecDoesNotKnowIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunSpec.fromJson("{\"epochs\": 3, \"lamda\": 5}"));
        assertEquals("unknown field 'lamda'", e.getMessage());
        assertEquals("field 'epochs': \"many\" is not of its type", assertThrows(IllegalArgumentException.class,
                () -> RunSpec.fromJson("{\"epochs\": \"many\"}")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RunSpec.fromJson("[1, 2]")).getMessage()
                .startsWith("not a run spec"));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                Arguments.of(RunSpec.builder().epochs(0), "--epochs must be >= 1, got 0"),
                Arguments.of(RunSpec.builder().batchSize(0), "--batch-size must be >= 1, got 0"),
                Arguments.of(RunSpec.builder().eta(Double.NaN), "--eta must be a finite number > 0, got NaN"),
                Arguments.of(RunSpec.builder().l2(-1), "--l2 must be a finite number >= 0, got -1.0"),
                Arguments.of(RunSpec.builder().dropout(1), "--dropout must be a probability in [0, 1), got 1.0"),
                Arguments.of(RunSpec.builder().layers(784, 10).dropout(0.5),
                        "--dropout drops hidden units, and --layers 784,10 has no hidden layer"),
                Arguments.of(RunSpec.builder().layers(100, 10), "--layers must start with 784 inputs (28x28 MNIST"
                        + " pixels), got 100"),
                Arguments.of(RunSpec.builder().trainSize(60001), "--train-size must be at most 60000, got 60001"),
                Arguments.of(RunSpec.builder().expand(true).validation(true).trainSize(250001),
                        "--train-size must be at most 250000 with --validation and --expand, got 250001"),
                Arguments.of(RunSpec.builder().regularizer("max-norm", Double.POSITIVE_INFINITY),
                        "--regularizer max-norm must have a finite lambda >= 0, got Infinity"),
                Arguments.of(RunSpec.builder().momentum(1.0), "--momentum must be in [0, 1), got 1.0"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void aBadValueIsNamedAsNnTrainNamesIt(RunSpec.Builder builder, String message) {
        assertEquals(message, assertThrows(UsageException.class, builder::build).getMessage());
    }

    @Test
    void theSpecIsImmutable() {
        RunSpec spec = everything();
        assertThrows(UnsupportedOperationException.class, () -> spec.layers().add(1));
        assertThrows(UnsupportedOperationException.class, () -> spec.regularizers().put("l2", 1.0));
        Map<String, Double> given = new java.util.LinkedHashMap<>(Map.of("max-norm", 3.0));
        RunSpec copied = RunSpec.builder().regularizers(given).build();
        given.put("l1-prox", 0.1);
        assertEquals(Map.of("max-norm", 3.0), copied.regularizers());
    }
}
