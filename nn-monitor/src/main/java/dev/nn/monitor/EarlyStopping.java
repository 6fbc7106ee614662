package dev.nn.monitor;

import dev.nn.train.TrainingControl;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.EpochDone;
import java.util.Locale;

/**
 * Stops training when a metric has not improved for {@code patience} epochs: NNDL chapter 3's
 * "no improvement in n epochs" rule. Reads the metric from a {@link HistorySource} registered
 * before it.
 */
public final class EarlyStopping implements TrainingListener, Resumable {

    private final BestSoFar best;
    private final int patience;

    /**
     * Creates the rule.
     *
     * @param patience epochs without improvement before stopping, at least 1
     */
    public EarlyStopping(HistorySource source, Metric metric, int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("early-stopping patience must be >= 1 epoch, got " + patience);
        }
        this.best = new BestSoFar(source, metric, "early stopping");
        this.patience = patience;
    }

    /** Takes in the epochs a resumed run already had, as if it had watched them. */
    @Override
    public void resumeWith(History earlier) {
        for (EpochRecord r : earlier.records()) {
            best.improvedWith(best.metric().of(r), r.epoch());
        }
    }

    @Override
    public void epochDone(EpochDone event, TrainingControl control) {
        if (!best.improvedAt(event.epoch()) && event.epoch() - best.bestEpoch() >= patience) {
            control.requestStop(String.format(Locale.ROOT, "no improvement in %s for %d epochs (best %.6g at epoch %d)",
                    best.metric().id(), patience, best.best(), best.bestEpoch()));
        }
    }
}
