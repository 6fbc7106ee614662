package dev.nn.core.network;

import dev.nn.core.data.DataSet;
import dev.nn.core.kernel.RowKernels;
import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.ParameterUpdate;
import dev.nn.core.layer.UpdateSetup;
import dev.nn.core.spi.Matrix;
import dev.nn.core.spi.UpdateRule;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One mini-batch of gradient descent on a {@link Network}, in place: network2.py's
 * {@code update_mini_batch} split into {@link #computeGradients} (feedforward with the dropout
 * masks of the batch, then backprop of the errors) and {@link #update} (each layer's update of its
 * parameters: the gradient sums, then the update rule and the regularizers; the dense layer fuses
 * the sums and the step row by row for {@code sgd}).
 *
 * <p>All buffers are sized once; a step allocates nothing. Load each example with {@link #load}, or fill the first m rows of
 * {@link #inputs()} and {@link #targets()}, then call {@code computeGradients(m)}. Not thread-safe;
 * with several threads it shares each batch's work among them, with the same bits as one thread.
 */
public final class TrainingStep implements AutoCloseable {

    private final Network net;
    private final ForwardPass pass;
    private final Matrix targets;
    /** The update of each layer with parameters, in order. */
    private final ParameterUpdate[] updates;
    private final RegularizationPenalties penalties = new RegularizationPenalties();
    private final Gradients gradients;
    private final RowSplitter splitter;
    private final UpdateRule rule;
    private final SplittableRandom dropoutRandom;
    private final long drawsPerExample;
    private int batchSize;
    private boolean nablaFresh;
    /** The number of the update under way, from 1; the rule's parameters read it. */
    private final long[] steps = {0};

    TrainingStep(Network net, int maxBatch, RowSplitter splitter, StepSettings settings) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, got " + maxBatch);
        }
        this.net = net;
        this.splitter = splitter;
        this.rule = settings.updateRule();
        this.dropoutRandom = new SplittableRandom(settings.seed());
        this.pass = new ForwardPass(net, maxBatch, splitter, true, dropoutRandom);
        long draws = 0;
        for (LayerPass p : pass.passes) {
            draws += p.drawsPerExample();
        }
        this.drawsPerExample = draws;
        List<Layer> layers = net.layers();
        updates = new ParameterUpdate[net.layerCount()];
        int l = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).parameters().isEmpty()) {
                continue;
            }
            UpdateSetup setup = new UpdateSetup(rule, maxBatch, l, steps, splitter);
            LayerPass p = pass.passes[i];
            // a layer's own update if it offers one (the dense layer: sums fused with the sgd step), else the engine's
            ParameterUpdate own = p.ownUpdate(setup);
            updates[l++] = own != null ? own : new GenericUpdate(p, layers.get(i).parameters(), setup);
        }
        targets = Matrix.of(maxBatch, net.outputSize());
        gradients = new Gradients(this);
    }

    /** Returns the input buffer, {@code maxBatch x n_in}: fill the first m rows, one example per row. */
    public Matrix inputs() {
        return pass.input();
    }

    /** Returns the target buffer, {@code maxBatch x n_out}: fill the first m rows. */
    public Matrix targets() {
        return targets;
    }

    /**
     * Loads example {@code example} of {@code data} as row {@code s} of the batch: its one-hot
     * target now, its nonzero inputs when {@link #computeGradients} runs (each row on the thread
     * that computes it). Faster than filling {@link #inputs()} for sparse data such as MNIST.
     */
    public void load(int s, DataSet data, int example) {
        pass.load(s, data, example);
        data.copyTarget(example, targets.data(), s * targets.cols());
    }

    /**
     * Returns, for each layer whose pass has more than one way of computing, {@code "layer N (id) "}
     * and which kernels its last forward chose ({@link LayerPass#kernels}): for a benchmark's report.
     */
    public List<String> kernels() {
        List<String> notes = new java.util.ArrayList<>();
        for (int i = 0; i < pass.passes.length; i++) {
            String note = pass.passes[i].kernels();
            if (!note.isEmpty()) {
                notes.add("layer " + (i + 1) + " (" + net.layers().get(i).type().id() + ") " + note);
            }
        }
        return notes;
    }

    /** Returns the largest batch this step takes. */
    public int maxBatch() {
        return pass.capacity();
    }

    /** Returns the network this step trains. */
    public Network network() {
        return net;
    }

    /**
     * Feeds the first {@code m} rows forward and propagates the errors back through every layer
     * (network2.py's {@code backprop} for a whole batch). The sums of the gradients over the batch
     * are then available from {@link #gradients()}.
     *
     * @return true if every activation and error of the batch is finite; false means the network diverged
     */
    public boolean computeGradients(int m) {
        if (m < 1 || m > maxBatch()) {
            throw new IllegalArgumentException("batch size must be in 1.." + maxBatch() + ", got " + m);
        }
        batchSize = m;
        nablaFresh = false;
        // setRows keeps the first m rows the caller wrote
        targets.setRows(m);
        pass.run(m);
        boolean finite = RowKernels.allFinite(pass.output().data(), pass.output().size());
        LayerPass[] passes = pass.passes;
        int last = passes.length - 1;
        // network2.py's loop over -l: the output layer's delta from the cost, then each layer's in turn
        finite &= passes[last].backwardFromCost(net.cost(), targets, gradientBelow(last), m);
        for (int i = last - 1; i >= 0; i--) {
            finite &= passes[i].backward(gradientBelow(i), m);
        }
        return finite;
    }

    private Matrix gradientBelow(int i) {
        return i > 0 ? pass.passes[i - 1].gradient() : null;
    }

    /**
     * Applies the update to every layer: network2.py's for the {@code sgd} rule, generalised to any
     * regularizers, {@code w = P(R(w) - (eta/m) nabla_w)}, {@code b = b - (eta/m) nabla_b}, where R
     * applies each gradient regularizer's {@code decay(w, eta*lambda/n)} and P each proximal
     * regularizer, in the order given. Any other rule gets the mean gradient with every gradient
     * regularizer's term added, then P. Biases are not regularized.
     *
     * @param eta the learning rate
     * @param regularizations the penalties, applied in this order
     * @param n the size of the training set
     */
    public void update(double eta, List<Regularization> regularizations, int n) {
        steps[0]++;
        penalties.set(regularizations, n);
        boolean kept = true;
        for (ParameterUpdate update : updates) {
            update.apply(eta, penalties, batchSize);
            kept &= update.keepsSums();
        }
        // a fused step does not keep the sums: gradients() computes them again if asked
        nablaFresh = kept;
    }

    /** Computes nabla_w and nabla_b of the last batch if {@link #update} has not. */
    void ensureGradients() {
        if (!nablaFresh) {
            for (ParameterUpdate update : updates) {
                update.sumGradients();
            }
            nablaFresh = true;
        }
    }

    /**
     * Returns the update rule's state, live: every row of every state array, layer by layer (the
     * weights' slots, then the biases'), in a fixed order. A checkpoint saves these rows and a
     * resumed run writes them back.
     */
    public List<double[]> ruleState() {
        List<double[]> rows = new java.util.ArrayList<>();
        for (ParameterUpdate update : updates) {
            update.addStateRows(rows);
        }
        return rows;
    }

    /**
     * Sets the number of updates done before this step's next one, for a run resumed from a
     * checkpoint: the rule's parameters then go on counting where the run stopped.
     */
    public void setUpdatesDone(long done) {
        if (done < 0) {
            throw new IllegalArgumentException("updates done must be >= 0, got " + done);
        }
        steps[0] = done;
    }

    /**
     * Moves the dropout masks on as if {@code examples} examples had been trained on, so that a run
     * resumed from a checkpoint draws the masks the uninterrupted run draws.
     */
    public void skipDropoutMasks(long examples) {
        long draws = examples * drawsPerExample;
        for (long i = 0; i < draws; i++) {
            dropoutRandom.nextDouble();
        }
    }

    /** Returns the gradients of the last batch, valid until the next {@link #computeGradients}. */
    public Gradients gradients() {
        return gradients;
    }

    int batchSize() {
        return batchSize;
    }

    /** Returns the update of the {@code l}-th layer with parameters. */
    ParameterUpdate update(int l) {
        return updates[l];
    }

    /** Stops the worker threads, if any. */
    @Override
    public void close() {
        splitter.close();
    }
}
