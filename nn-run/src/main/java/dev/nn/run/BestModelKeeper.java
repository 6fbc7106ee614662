package dev.nn.run;

import dev.nn.core.io.ModelFile;
import dev.nn.core.io.SavedModel;
import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import dev.nn.monitor.HistorySource;
import dev.nn.monitor.Resumable;
import dev.nn.train.TrainingConfig;
import dev.nn.train.TrainingControl;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.EpochDone;
import dev.nn.core.registry.PluginSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Keeps the model of the epoch with the best test (or validation) accuracy so far as
 * {@value #NAME} ({@code nn train --keep-best}): network3.py reports the test accuracy at the epoch
 * of best validation accuracy, which this model gives back. The first best epoch wins a tie. Reads
 * the accuracy from the history of a monitor registered before it.
 */
public final class BestModelKeeper implements TrainingListener, Resumable {

    /** The file in the run directory. */
    public static final String NAME = "best-model.json";

    private final Path file;
    private final HistorySource source;
    private final TrainingConfig config;
    private double best = Double.NEGATIVE_INFINITY;

    /**
     * Creates the keeper.
     *
     * @param dir the run directory
     * @param source the monitor measuring test (or validation) accuracy each epoch
     * @param config the run's configuration, saved with the model
     */
    public BestModelKeeper(Path dir, HistorySource source, TrainingConfig config) {
        this.file = dir.resolve(NAME);
        this.source = source;
        this.config = config;
    }

    @Override
    public void resumeWith(History earlier) {
        earlier.records().forEach(r -> best = Math.max(best, r.testAccuracy()));
    }

    @Override
    public void epochDone(EpochDone event, TrainingControl control) {
        EpochRecord last = source.history().last();
        if (last == null || !(last.testAccuracy() > best)) {
            return;
        }
        best = last.testAccuracy();
        try {
            ModelFile.write(file, new SavedModel(event.network(), config.regularizations(),
                    PluginSpec.format(config.updateRule())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
