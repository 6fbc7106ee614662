package dev.nn.train;

import dev.nn.core.logging.Logs;
import dev.nn.train.event.BatchDone;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.EpochStarted;
import dev.nn.train.event.TrainingFinished;
import dev.nn.train.event.TrainingStarted;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Calls several listeners in order, isolating failures: a listener that throws is logged and
 * recorded with the event, and the others (and the training) go on. Errors are rethrown.
 */
final class CompositeListener implements TrainingListener {

    private static final Logger log = Logs.of(CompositeListener.class);

    private final List<TrainingListener> listeners;
    private final List<TrainingListener> batchListeners;
    private final List<ListenerFailure> failures = new ArrayList<>();

    CompositeListener(List<TrainingListener> listeners) {
        this.listeners = List.copyOf(listeners);
        this.batchListeners = this.listeners.stream().filter(TrainingListener::wantsBatches).toList();
    }

    List<ListenerFailure> failures() {
        return List.copyOf(failures);
    }

    @Override
    public boolean wantsBatches() {
        return !batchListeners.isEmpty();
    }

    @Override
    public void trainingStarted(TrainingStarted event) {
        each(listeners, "trainingStarted", l -> l.trainingStarted(event));
    }

    @Override
    public void epochStarted(EpochStarted event) {
        each(listeners, "epochStarted(epoch " + event.epoch() + ")", l -> l.epochStarted(event));
    }

    @Override
    public void batchDone(BatchDone event) {
        for (TrainingListener l : batchListeners) {
            try {
                l.batchDone(event);
            } catch (RuntimeException e) {
                fail(l, "batchDone(epoch " + event.epoch() + ", batch " + event.batch() + ")", e);
            }
        }
    }

    @Override
    public void epochDone(EpochDone event, TrainingControl control) {
        each(listeners, "epochDone(epoch " + event.epoch() + ")", l -> l.epochDone(event, control));
    }

    @Override
    public void trainingFinished(TrainingFinished event) {
        each(listeners, "trainingFinished", l -> l.trainingFinished(event));
    }

    private void each(List<TrainingListener> targets, String event, Consumer<TrainingListener> call) {
        for (TrainingListener l : targets) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                fail(l, event, e);
            }
        }
    }

    private void fail(TrainingListener listener, String event, RuntimeException e) {
        String name = listener.getClass().getName();
        failures.add(new ListenerFailure(name, event, e));
        log.warn("Listener {} failed on {}; training goes on", name, event, e);
    }
}
