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
public final class EarlyStopping implements TrainingListener {

    private final HistorySource source;
    private final Metric metric;
    private final int patience;
    private double best = Double.NaN;
    private int bestEpoch;

    /**
     * Creates the rule.
     *
     * @param patience epochs without improvement before stopping, at least 1
     */
    public EarlyStopping(HistorySource source, Metric metric, int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("early-stopping patience must be >= 1 epoch, got " + patience);
        }
        this.source = source;
        this.metric = metric;
        this.patience = patience;
    }

    @Override
    public void epochDone(EpochDone event, TrainingControl control) {
        EpochRecord last = source.history().last();
        double value = last == null ? Double.NaN : metric.of(last);
        if (Double.isNaN(value)) {
            throw new IllegalStateException("early stopping needs " + metric.id() + ", which is not being measured");
        }
        if (Double.isNaN(best) || metric.improves(value, best)) {
            best = value;
            bestEpoch = event.epoch();
        } else if (event.epoch() - bestEpoch >= patience) {
            control.requestStop(String.format(Locale.ROOT, "no improvement in %s for %d epochs (best %.6g at epoch %d)",
                    metric.id(), patience, best, bestEpoch));
        }
    }
}
