package dev.nn.monitor;

import dev.nn.core.network.Gradients;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.BatchDone;
import java.util.ArrayList;
import java.util.List;

/**
 * Records, for every mini-batch, the Euclidean norm of each layer's unregularized {@code nabla_w}
 * (summed over the batch, as network2.py's {@code update_mini_batch} has it): the data of the
 * vanishing-gradient experiment.
 */
public final class GradientNormMonitor implements TrainingListener {

    /** Creates the monitor, empty. */
    public GradientNormMonitor() {
    }

    private final List<GradientTable.Row> rows = new ArrayList<>();

    @Override
    public boolean wantsBatches() {
        return true;
    }

    @Override
    public void batchDone(BatchDone event) {
        Gradients g = event.gradients();
        double[] norms = new double[g.layerCount()];
        for (int l = 0; l < norms.length; l++) {
            norms[l] = g.weightNorm(l);
        }
        rows.add(new GradientTable.Row(event.epoch(), event.batch(), norms));
    }

    /** Returns the norms recorded so far. */
    public GradientTable table() {
        return new GradientTable(rows);
    }
}
