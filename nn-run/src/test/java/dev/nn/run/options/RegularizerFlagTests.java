package dev.nn.run.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.run.RunSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** --regularizer takes a regularizer's own parameters before its lambda: the lambda follows the last '='. */
class RegularizerFlagTests {

    private static final RegularizerFlag.Converter CONVERTER = new RegularizerFlag.Converter();

    @Test
    void theLambdaFollowsTheLastEquals() {
        assertEquals(new RegularizerFlag("l1-prox", 0.2), CONVERTER.convert("l1-prox=0.2"));
        assertEquals(new RegularizerFlag("pseudo-huber:delta=0.05", 1.0),
                CONVERTER.convert("pseudo-huber:delta=0.05=1.0"));
        assertEquals(new RegularizerFlag("group:a=1,b=2", 0.5), CONVERTER.convert("group:a=1,b=2=0.5"));
    }

    @Test
    void aValueWithoutALambdaIsNamed() {
        for (String bad : List.of("l1-prox", "=0.3", "pseudo-huber:delta=0.05", "l1-prox=x")) {
            CommandLine.TypeConversionException e = assertThrows(CommandLine.TypeConversionException.class,
                    () -> CONVERTER.convert(bad));
            assertTrue(e.getMessage().endsWith(", got '" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void theFlagsMakeTheSpecAndTheSpecTheFlags() {
        RunSpec spec = TrainingOptions.parse(List.of("--regularizer", "pseudo-huber:delta=0.05=1.0", "--regularizer",
                "max-norm=3")).toSpec();
        assertEquals(Map.of("pseudo-huber:delta=0.05", 1.0, "max-norm", 3.0), spec.regularizers());
        assertEquals(spec, TrainingOptions.parse(spec.args()).toSpec());
    }
}
