package dev.nn.core.plugins.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.contract.LayerContract;
import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.RowTasks;
import dev.nn.core.layer.Shape;
import dev.nn.core.plugins.DefaultInitializer;
import dev.nn.core.spi.Matrix;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** network3.py's dropout ({@code inverted=0}): the contract, and what it does to the values. */
class Network3DropoutTests extends LayerContract {

    private static final RowTasks SERIAL = (rows, work, task) -> task.run(0, 0, rows);

    @Override
    protected LayerType create() {
        return new DropoutType(0.3, false);
    }

    private static Layer layer(LayerType type) {
        return type.create(new LayerSetup(Shape.vector(50), null, new DefaultInitializer(), new SplittableRandom(1)));
    }

    private static Matrix values() {
        Matrix x = Matrix.of(4, 50);
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = 0.5 + i;
        }
        return x;
    }

    @Test
    void evaluationScalesEveryUnitByTheKeptShare() {
        LayerPass pass = layer(create()).newPass(new PassSetup(4, false, null, SERIAL));
        Matrix x = values();
        pass.forward(x, 4);
        for (int i = 0; i < x.size(); i++) {
            assertEquals(x.data()[i] * (1 - 0.3), pass.output().data()[i]);
        }
    }

    @Test
    void trainingKeepsUnitsUnscaledAndDropsTheRest() {
        LayerPass pass = layer(create()).newPass(new PassSetup(4, true, new SplittableRandom(7), SERIAL));
        Matrix x = values();
        pass.forward(x, 4);
        int dropped = 0;
        for (int i = 0; i < x.size(); i++) {
            double out = pass.output().data()[i];
            assertTrue(out == 0 || out == x.data()[i], "a unit is either dropped or passed as it is: " + out);
            dropped += out == 0 ? 1 : 0;
        }
        assertTrue(dropped > 20 && dropped < 100, "about 30% of 200 units dropped, got " + dropped);
    }

    @Test
    void theSettingIsReadAndRefusedWhenNotZeroOrOne() {
        assertEquals(false, new DropoutType().withParameters(Map.of("inverted", 0.0)).inverted());
        assertEquals(true, new DropoutType().withParameters(Map.of("p", 0.2)).inverted());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new DropoutType().withParameters(Map.of("inverted", 0.5)));
        assertEquals("dropout: inverted must be 1 or 0, got 0.5", e.getMessage());
    }
}
