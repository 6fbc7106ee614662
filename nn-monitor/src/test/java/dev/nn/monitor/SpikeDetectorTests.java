package dev.nn.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeDetectorTests {

    @Test
    void aFallThatRecoversIsASpike() {
        double[] accuracy = {0.80, 0.86, 0.87, 0.80, 0.76, 0.85, 0.868, 0.87, 0.87};
        assertEquals(List.of(new Spike(4, 0.87, 0.76, 5, 7)), SpikeDetector.DEFAULT.find(accuracy), "back within 1 point at 0.868");
    }

    @Test
    void smallDipsFallsThatStayAndSlowRecoveriesAreNot() {
        assertEquals(List.of(), SpikeDetector.DEFAULT.find(new double[] {0.87, 0.845, 0.87}), "2.5 points");
        assertEquals(List.of(), SpikeDetector.DEFAULT.find(new double[] {0.87, 0.80, 0.80, 0.80}), "no recovery");
        double[] slow = new double[14];
        java.util.Arrays.fill(slow, 0.80);
        slow[0] = 0.87;
        slow[13] = 0.87;
        assertEquals(List.of(), SpikeDetector.DEFAULT.find(slow), "recovers after 12 epochs");
        assertEquals(1, new SpikeDetector(0.03, 0.01, 12).find(slow).size(), "within a window of 12");
    }

    @Test
    void countsSeparateSpikes() {
        double[] accuracy = {0.87, 0.70, 0.87, 0.87, 0.80, 0.87, 0.87};
        List<Spike> spikes = SpikeDetector.DEFAULT.find(accuracy);
        assertEquals(List.of(2, 5), spikes.stream().map(Spike::epoch).toList());
        assertEquals(0.17, spikes.get(0).depth(), 1e-12);
    }
}
