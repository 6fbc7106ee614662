package dev.nn.core.plugins;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nn.core.contract.InitializerContract;
import dev.nn.core.layer.Shape;
import dev.nn.core.network.Network;
import dev.nn.core.spi.Fans;
import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.WeightInitializer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Network3InitializerTests extends InitializerContract {

    @Override
    protected WeightInitializer create() {
        return new Network3Initializer();
    }

    @Test
    void weightsAreGaussiansOverTheRootOfTheFanOutAndBiasesUnitGaussians() {
        Matrix w = Matrix.of(4, 6);
        Matrix b = Matrix.of(4, 1);
        new Network3Initializer().initialize(w, b, new Fans(6, 16), new SplittableRandom(9));
        Matrix gw = Matrix.of(4, 6);
        Matrix gb = Matrix.of(4, 1);
        SplittableRandom same = new SplittableRandom(9);
        Gaussians.fill(gw, same);
        Gaussians.fill(gb, same);
        for (int i = 0; i < gw.size(); i++) {
            gw.data()[i] /= 4;
        }
        assertArrayEquals(gw.data(), w.data());
        assertArrayEquals(gb.data(), b.data());
    }

    /** network3.py's n_out: a dense layer's units; a convolution's filters x size^2 over the pool after it. */
    @Test
    void layersGiveTheFanOutNetwork3Counts() {
        List<Fans> seen = new ArrayList<>();
        WeightInitializer recording = new WeightInitializer() {
            @Override
            public String id() {
                return "recording";
            }

            @Override
            public void initialize(Matrix weights, Matrix biases, SplittableRandom random) {
                throw new AssertionError("a built-in layer gives its fans");
            }

            @Override
            public void initialize(Matrix weights, Matrix biases, Fans fans, SplittableRandom random) {
                seen.add(fans);
            }
        };
        Network.from(new Shape(1, 12, 12)).layers("conv:4:3,pool:2,conv:6:3,dense:7,softmax:10")
                .initializer(recording).cost("log-likelihood").build();
        assertEquals(List.of(new Fans(9, 4 * 9 / 4.0), new Fans(4 * 9, 6 * 9), new Fans(6 * 3 * 3, 7), new Fans(7, 10)),
                seen);
    }
}
