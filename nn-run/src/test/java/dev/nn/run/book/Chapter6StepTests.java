package dev.nn.run.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.layer.Shape;
import dev.nn.core.network.Network;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.run.RunSpec;
import dev.nn.run.UsageException;
import dev.nn.run.options.TrainingOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The ladder's steps: the book's networks and settings, as nn train flags that make them again. */
class Chapter6StepTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @ParameterizedTest
    @EnumSource(Chapter6Step.class)
    void eachStepIsARunOfNetwork3sChoicesThatItsFlagsMakeAgain(Chapter6Step step) {
        RunSpec spec = step.spec(3, null, null);
        assertEquals(step.net(), spec.net());
        assertEquals("log-likelihood", spec.cost());
        assertEquals("network3", spec.init());
        assertEquals(10, spec.batchSize());
        assertTrue(!spec.shuffle() && spec.penaltiesPerBatch() && spec.validation() && spec.keepBest());
        assertEquals(step.expanded(), spec.expand());
        assertEquals(spec, TrainingOptions.parse(spec.args()).toSpec());
        Network net = Network.from(new Shape(1, 28, 28)).layers(spec.net()).registry(REGISTRY)
                .activation(spec.activation()).cost(spec.cost()).initializer(spec.init()).build();
        assertEquals(10, net.outputSize());
    }

    /** conv.py's networks by their parameter counts: 20x25+20, 40x500+40, 640x100+100, 100x10+10. */
    @Test
    void theNetworksAreTheBooks() {
        assertEquals(520 + 20040 + 64100 + 1010, parameters(Chapter6Step.DBL_CONV));
        assertEquals(20 * 26 + 2880 * 100 + 100 + 1010, parameters(Chapter6Step.BASIC_CONV));
        assertEquals(78500 + 1010, parameters(Chapter6Step.SHALLOW));
        assertEquals(520 + 20040 + 641000 + 1001000 + 10010, parameters(Chapter6Step.DOUBLE_FC_DROPOUT));
        assertEquals(List.of(97.80, 98.78, 99.06, 99.23, 99.37, 99.43, 99.60, 99.67),
                java.util.Arrays.stream(Chapter6Step.values()).map(Chapter6Step::book).toList());
    }

    private static long parameters(Chapter6Step step) {
        Network net = Network.from(new Shape(1, 28, 28)).layers(step.net()).registry(REGISTRY).cost("log-likelihood")
                .build();
        return net.layers().stream().flatMap(l -> l.parameters().stream())
                .mapToLong(b -> (long) b.rows().length * b.cols()).sum();
    }

    @Test
    void theOptionsOfARunAreTakenAndChecked() {
        RunSpec spec = Chapter6Step.DBL_CONV.spec(5, 2, 1000);
        assertEquals(5, spec.seed());
        assertEquals(2, spec.epochs());
        assertEquals(1000, spec.trainSize());
        assertEquals(60, Chapter6Step.DBL_CONV.spec(5, null, null).epochs());
        UsageException e = assertThrows(UsageException.class, () -> Chapter6Step.BASIC_CONV.spec(3, null, 50001));
        assertEquals("--train-size must be at most 50000 with --validation, got 50001", e.getMessage());
        assertEquals(250000, Chapter6Step.EXPANDED_DATA.spec(3, null, 250000).trainSize());
    }

    @Test
    void anUnknownStepIsNamedWithTheSteps() {
        UsageException e = assertThrows(UsageException.class, () -> Chapter6Step.of("dbl_conv"));
        assertEquals("unknown step 'dbl_conv' of chapter 6; the steps: shallow, basic-conv, dbl-conv, dbl-conv-relu,"
                + " expanded-data, expanded-data-double-fc, double-fc-dropout, ensemble", e.getMessage());
        assertEquals(Chapter6Step.DBL_CONV, Chapter6Step.of("dbl-conv"));
    }
}
