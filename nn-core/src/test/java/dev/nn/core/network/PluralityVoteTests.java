package dev.nn.core.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nn.core.data.ArrayDataSet;
import dev.nn.core.data.DataSet;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.Matrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluralityVoteTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    /**
     * A 2-input, 3-class network that answers by its biases alone for input (0, 0) and by its
     * weights for input (1, 0): outputs sigmoid(bias) and sigmoid(weight + bias).
     */
    private static Network voter(double[] biases, double[] weightsOfFirstInput) {
        Network net = Network.of(2, 3).registry(REGISTRY).build();
        Matrix w = Matrix.of(3, 2);
        for (int j = 0; j < 3; j++) {
            w.set(j, 0, weightsOfFirstInput[j]);
        }
        net.setWeightsAndBiases(List.of(w), List.of(Matrix.wrap(3, 1, biases.clone())));
        return net;
    }

    private static final DataSet TWO = new ArrayDataSet(new double[][] {{0, 0}, {1, 0}}, new int[] {1, 2}, 3);

    @Test
    void theClassMostNetworksAnswerWins() {
        Network says0 = voter(new double[] {3, 0, 0}, new double[] {0, 0, 5});
        Network says1 = voter(new double[] {0, 3, 0}, new double[] {0, -9, 5});
        Network alsoSays1 = voter(new double[] {0, 2, 0}, new double[] {0, -9, 5});
        PluralityVote vote = new PluralityVote(List.of(says0, says1, alsoSays1));
        assertArrayEquals(new int[] {1, 2}, vote.classify(TWO));
        assertEquals(2, vote.correct(TWO));
    }

    @Test
    void aTieGoesToTheTiedClassWithTheLargestSumOfOutputs() {
        Network sure0 = voter(new double[] {4, 0, -4}, new double[] {0, 0, 0});
        Network unsure1 = voter(new double[] {0, 0.5, -4}, new double[] {0, 0, 0});
        assertArrayEquals(new int[] {0, 0}, new PluralityVote(List.of(sure0, unsure1)).classify(TWO));
        Network unsure0 = voter(new double[] {0.5, 0, -4}, new double[] {0, 0, 0});
        Network sure1 = voter(new double[] {0, 4, -4}, new double[] {0, 0, 0});
        assertArrayEquals(new int[] {1, 1}, new PluralityVote(List.of(unsure0, sure1)).classify(TWO));
    }

    @Test
    void networksOfOtherShapesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PluralityVote(List.of(
                Network.of(2, 3).registry(REGISTRY).build(), Network.of(2, 4).registry(REGISTRY).build())));
        assertEquals("the networks of a vote must take the same inputs and give the same outputs: 2 -> 3 and 2 -> 4",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PluralityVote(List.of()));
    }
}
