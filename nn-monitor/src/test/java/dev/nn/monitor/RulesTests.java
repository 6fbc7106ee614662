package dev.nn.monitor;

import static org.mockito.ArgumentMatchers.anyDouble;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.nn.core.network.Network;
import dev.nn.train.TrainingConfig;
import dev.nn.train.TrainingControl;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.TrainingStarted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Early stopping and the plateau schedule against a scripted history. */
class RulesTests {

    private final List<EpochRecord> records = new ArrayList<>();
    private final HistorySource source = () -> new History("scripted", records);

    private EpochDone epoch(int epoch, double testAccuracy) {
        records.add(new EpochRecord(epoch, Double.NaN, testAccuracy, Double.NaN, Double.NaN));
        return new EpochDone(epoch, 0.5, null, Duration.ZERO);
    }

    @Test
    void earlyStoppingAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping rule = new EarlyStopping(source, Metric.TEST_ACCURACY, 2);
        TrainingControl control = mock(TrainingControl.class);
        rule.epochDone(epoch(1, 0.5), control);
        rule.epochDone(epoch(2, 0.6), control);
        rule.epochDone(epoch(3, 0.6), control);
        verify(control, never()).requestStop(anyString());
        rule.epochDone(epoch(4, 0.59), control);
        verify(control).requestStop("no improvement in test-accuracy for 2 epochs (best 0.600000 at epoch 2)");
    }

    @Test
    void scheduleHalvesOnPlateausAndStopsAtOne128th() {
        PlateauSchedule schedule = new PlateauSchedule(source, Metric.TEST_ACCURACY, 1);
        schedule.trainingStarted(new TrainingStarted(TrainingConfig.builder().eta(1.0).build(),
                mock(Network.class), 10, 1));
        TrainingControl control = mock(TrainingControl.class);
        double[] eta = {1.0};
        when(control.eta()).thenAnswer(i -> eta[0]);
        org.mockito.Mockito.doAnswer(i -> eta[0] = i.getArgument(0)).when(control).setEta(anyDouble());
        schedule.epochDone(epoch(1, 0.5), control);
        for (int e = 2; e <= 7; e++) {
            schedule.epochDone(epoch(e, 0.4), control);
        }
        org.junit.jupiter.api.Assertions.assertEquals(1.0 / 64, eta[0], 0.0);
        verify(control, never()).requestStop(anyString());
        schedule.epochDone(epoch(8, 0.4), control);
        verify(control).requestStop("learning rate fell to 1/128 of its initial 1.00000");
    }
}
