package dev.nn.run;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.io.ModelFile;
import dev.nn.core.network.Network;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import dev.nn.train.TrainingConfig;
import dev.nn.train.TrainingControl;
import dev.nn.train.event.EpochDone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --keep-best: best-model.json is the model of the first epoch of best accuracy, also across a resume. */
class BestModelKeeperTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();
    private static final TrainingControl CONTROL = new TrainingControl() {
        @Override
        public double eta() {
            return 0.1;
        }

        @Override
        public void setEta(double eta) {
        }

        @Override
        public void requestStop(String reason) {
        }
    };

    @TempDir
    Path dir;

    private final List<EpochRecord> records = new ArrayList<>();

    private void epoch(BestModelKeeper keeper, double accuracy, Network net) {
        records.add(new EpochRecord(records.size() + 1, Double.NaN, accuracy, Double.NaN, Double.NaN));
        keeper.epochDone(new EpochDone(records.size(), 0.1, net, Duration.ZERO), CONTROL);
    }

    private Network saved() throws Exception {
        return ModelFile.read(dir.resolve(BestModelKeeper.NAME), REGISTRY).network();
    }

    @Test
    void theModelOfTheFirstBestEpochIsKept() throws Exception {
        BestModelKeeper keeper = new BestModelKeeper(dir, () -> new History("run", records),
                TrainingConfig.builder().build());
        Network first = Network.of(4, 3, 2).seed(1).registry(REGISTRY).build();
        Network second = Network.of(4, 3, 2).seed(2).registry(REGISTRY).build();
        Network third = Network.of(4, 3, 2).seed(3).registry(REGISTRY).build();
        epoch(keeper, 0.5, first);
        assertTrue(saved().sameAs(first));
        epoch(keeper, 0.7, second);
        epoch(keeper, 0.6, third);
        epoch(keeper, 0.7, third);
        assertTrue(saved().sameAs(second), "a worse or equal epoch leaves the best one's model");
        assertFalse(saved().sameAs(third));
    }

    @Test
    void aResumedRunKeepsTheBestOfItsPast() throws Exception {
        BestModelKeeper keeper = new BestModelKeeper(dir, () -> new History("run", records),
                TrainingConfig.builder().build());
        keeper.resumeWith(new History("run", List.of(new EpochRecord(1, Double.NaN, 0.9, Double.NaN, Double.NaN))));
        records.add(new EpochRecord(1, Double.NaN, 0.9, Double.NaN, Double.NaN));
        epoch(keeper, 0.8, Network.of(4, 3, 2).seed(1).registry(REGISTRY).build());
        assertFalse(Files.exists(dir.resolve(BestModelKeeper.NAME)), "epoch 2 is not better than epoch 1's 0.9");
        Network better = Network.of(4, 3, 2).seed(2).registry(REGISTRY).build();
        epoch(keeper, 0.95, better);
        assertTrue(saved().sameAs(better));
    }
}
