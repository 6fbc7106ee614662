package dev.nn.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** nn train's flags read as a sweep reads them. */
class FlagListTests {

    @Test
    void eachFlagWithTheValueAfterItRepeatsKeptInOrder() {
        assertEquals(List.of(List.of("--epochs", "3"), List.of("--monitor"), List.of("--regularizer", "l2:lambda=1"),
                List.of("--eta", "-0.5"), List.of("--regularizer", "l1:lambda=2")),
                FlagList.pairs(List.of("--epochs", "3", "--monitor", "--regularizer", "l2:lambda=1", "--eta", "-0.5",
                        "--regularizer", "l1:lambda=2")));
        assertEquals(List.of(), FlagList.pairs(List.of()));
    }

    @Test
    void aValueWithoutAFlagIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FlagList.pairs(List.of("3", "--epochs")));
        assertEquals("'3' is not a flag and follows no flag", e.getMessage());
    }
}
