package dev.nn.monitor;

import dev.nn.train.TrainingControl;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.TrainingStarted;
import java.util.Locale;

/**
 * A learning-rate schedule from NNDL chapter 3: halve eta each time a metric has not improved for
 * {@code patience} epochs, and stop once eta has fallen to 1/128 of its initial value. Reads the
 * metric from a {@link HistorySource} registered before it.
 */
public final class PlateauSchedule implements TrainingListener, Resumable {

    /** Training stops when eta reaches the initial eta divided by this. */
    public static final double FLOOR_DIVISOR = 128;

    private final BestSoFar best;
    private final int patience;
    private double initialEta;
    private int sinceImprovement;

    /**
     * Creates the schedule.
     *
     * @param patience epochs without improvement before halving, at least 1
     */
    public PlateauSchedule(HistorySource source, Metric metric, int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("schedule patience must be >= 1 epoch, got " + patience);
        }
        this.best = new BestSoFar(source, metric, "the schedule");
        this.patience = patience;
    }

    @Override
    public void trainingStarted(TrainingStarted event) {
        initialEta = event.config().eta();
    }

    /**
     * Takes in the epochs a resumed run already had, as if it had watched them (the learning rate
     * they led to comes back with the checkpoint).
     */
    @Override
    public void resumeWith(History earlier) {
        for (EpochRecord r : earlier.records()) {
            plateauAfter(best.improvedWith(best.metric().of(r), r.epoch()));
        }
    }

    @Override
    public void epochDone(EpochDone event, TrainingControl control) {
        if (!plateauAfter(best.improvedAt(event.epoch()))) {
            return;
        }
        double halved = control.eta() / 2;
        if (halved <= initialEta / FLOOR_DIVISOR) {
            control.requestStop(String.format(Locale.ROOT, "learning rate fell to 1/128 of its initial %.6g", initialEta));
        } else {
            control.setEta(halved);
        }
    }

    /** Counts the epochs since the last improvement; returns true (and starts again) at the patience. */
    private boolean plateauAfter(boolean improved) {
        if (improved) {
            sinceImprovement = 0;
            return false;
        }
        if (++sinceImprovement < patience) {
            return false;
        }
        sinceImprovement = 0;
        return true;
    }
}
