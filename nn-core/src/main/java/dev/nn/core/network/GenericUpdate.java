package dev.nn.core.network;

import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.ParameterUpdate;
import dev.nn.core.layer.Penalties;
import dev.nn.core.layer.UpdateSetup;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.UpdateRule;
import dev.nn.core.spi.Weights;
import java.util.List;

/**
 * The engine's update of a layer that has none of its own: the pass's gradient sums, their mean
 * over the batch with every gradient regularizer's term added (on the regularized blocks), the
 * rule's step over every row, then the proximal regularizers. Views and buffers are made once.
 */
final class GenericUpdate implements ParameterUpdate {

    private final LayerPass pass;
    private final UpdateRule rule;
    private final List<ParameterBlock> blocks;
    private final double[][][] sums;
    private final double[][][] means;
    private final Parameter[] parameters;
    /** The weights and mean-gradient views of each regularized block; null for the others. */
    private final Weights[] values;
    private final Weights[] gradients;

    GenericUpdate(LayerPass pass, List<ParameterBlock> blocks, UpdateSetup setup) {
        this.pass = pass;
        this.rule = setup.rule();
        this.blocks = blocks;
        int n = blocks.size();
        sums = new double[n][][];
        means = new double[n][][];
        parameters = new Parameter[n];
        values = new Weights[n];
        gradients = new Weights[n];
        for (int i = 0; i < n; i++) {
            ParameterBlock block = blocks.get(i);
            sums[i] = block.zeros();
            means[i] = block.zeros();
            double[][][] state = new double[rule.stateSlots()][][];
            for (int slot = 0; slot < state.length; slot++) {
                state[slot] = block.zeros();
            }
            parameters[i] = new Parameter(block.rows(), means[i], state, block.name(), setup.layer(), setup.steps());
            if (block.regularized() && block.rows().length > 0) {
                values[i] = Weights.of(block.rows(), block.cols());
                gradients[i] = Weights.of(means[i], block.cols());
            }
        }
    }

    @Override
    public void apply(double eta, Penalties penalties, int batch) {
        pass.parameterGradients(sums);
        for (int i = 0; i < sums.length; i++) {
            for (int r = 0; r < sums[i].length; r++) {
                double[] sum = sums[i][r];
                double[] mean = means[i][r];
                for (int c = 0; c < sum.length; c++) {
                    mean[c] = sum[c] / batch;
                }
            }
            if (values[i] != null) {
                penalties.addGradients(values[i], gradients[i], false);
                penalties.addGradients(values[i], gradients[i], true);
            }
            rule.step(parameters[i], 0, blocks.get(i).rows().length, eta);
            if (values[i] != null) {
                penalties.proximal(values[i], false, eta);
                penalties.proximal(values[i], true, eta);
            }
        }
    }

    @Override
    public void sumGradients() {
        pass.parameterGradients(sums);
    }

    @Override
    public boolean keepsSums() {
        return true;
    }

    @Override
    public double[][] gradientSums(int block) {
        return sums[block];
    }

    @Override
    public void addStateRows(List<double[]> rows) {
        for (Parameter p : parameters) {
            for (int slot = 0; slot < rule.stateSlots(); slot++) {
                for (int r = 0; r < p.rows(); r++) {
                    rows.add(p.state(slot, r));
                }
            }
        }
    }
}
