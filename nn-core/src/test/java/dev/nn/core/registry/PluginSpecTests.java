package dev.nn.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Plugin;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How a plugin is written, and which ids are valid. */
class PluginSpecTests {

    private static Plugin with(double... values) {
        return new Plugin() {
            @Override
            public String id() {
                return "p";
            }

            @Override
            public List<Hyperparameter> hyperparameters() {
                List<Hyperparameter> list = new java.util.ArrayList<>();
                for (int i = 0; i < values.length; i++) {
                    list.add(new Hyperparameter("h" + i, values[i], "a number"));
                }
                return list;
            }
        };
    }

    @Test
    void wholeNumbersAreWrittenAsPercentPointOneFWouldWriteThem() {
        double[] values = {0.0, -0.0, 1, -1, 30, 1e14, 999999999999999.0, -123456789012345.0};
        for (double v : values) {
            assertEquals("p:h0=" + String.format(Locale.ROOT, "%.1f", v), PluginSpec.format(with(v)), "value " + v);
        }
        assertEquals("p:h0=0.5,h1=1.0E15,h2=1.0E-7", PluginSpec.format(with(0.5, 1e15, 1e-7)));
        assertEquals("p", PluginSpec.format(with()));
    }

    @Test
    void anIdIsLowerCaseWordsJoinedBySingleHyphens() {
        for (String id : List.of("sigmoid", "l1-prox", "a", "x2", "log-likelihood", "a-b-c")) {
            assertTrue(Plugin.isValidId(id), id);
        }
        for (String id : List.of("", "-a", "a-", "a--b", "Sigmoid", "a_b", "a b", "é", "a:b")) {
            assertFalse(Plugin.isValidId(id), id);
        }
        assertFalse(Plugin.isValidId(null));
    }
}
