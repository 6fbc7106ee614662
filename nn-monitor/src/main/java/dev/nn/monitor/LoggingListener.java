package dev.nn.monitor;

import dev.nn.core.logging.Logs;
import dev.nn.train.TrainingControl;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.TrainingFinished;
import dev.nn.train.event.TrainingStarted;
import java.util.Arrays;
import org.slf4j.Logger;

/** Logs the start, every epoch (with its metrics when a {@link HistorySource} is given) and the end, through SLF4J. */
public final class LoggingListener implements TrainingListener {

    private static final Logger log = Logs.of(LoggingListener.class);

    private final HistorySource metrics;

    /** Creates the listener; {@code metrics} may be null. */
    public LoggingListener(HistorySource metrics) {
        this.metrics = metrics;
    }

    @Override
    public void trainingStarted(TrainingStarted event) {
        log.info("Training {} on {} examples: {}", Arrays.toString(event.network().sizes()), event.trainingSize(),
                event.config());
    }

    @Override
    public void epochDone(EpochDone event, TrainingControl control) {
        EpochRecord last = metrics == null ? null : metrics.history().last();
        log.info("Epoch {} done in {} ms (eta {}){}", event.epoch(), event.trainingTime().toMillis(), event.eta(),
                last == null ? "" : ": " + last);
    }

    @Override
    public void trainingFinished(TrainingFinished event) {
        log.info("Training finished: {}", event.message());
    }
}
