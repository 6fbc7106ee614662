package dev.nn.core.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.ParameterUpdate;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.RowTasks;
import dev.nn.core.layer.Shape;
import dev.nn.core.layer.UpdateSetup;
import dev.nn.core.registry.PluginKind;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link LayerType} meets. Subclass it in your plugin's tests and implement
 * {@link #create()}; override {@link #input()} for a layer that takes another shape, and
 * {@link #allocationFree()} for one that allocates per mini-batch.
 *
 * <p>It checks the id and settings like every plugin's, then the layer itself: its output's shape,
 * the same layer and the same outputs for the same seed, evaluation that draws nothing, the
 * gradients of its inputs and of its parameters against central differences (in training, with the
 * draws of one seed), and no allocation per mini-batch.
 */
public abstract class LayerContract {

    private static final int BATCH = 3;
    private static final long SEED = 11;
    private static final RowTasks SERIAL = (rows, work, task) -> task.run(0, 0, rows);

    /** Returns a new instance of the layer type under test, with the settings to check. */
    protected abstract LayerType create();

    /** Returns the input shape to check the layer with; a vector of 6 by default. */
    protected Shape input() {
        return Shape.vector(6);
    }

    /** Returns false for a layer that allocates in a mini-batch's forward or backward; true by default. */
    protected boolean allocationFree() {
        return true;
    }

    /** Returns the activation given to a type that takes one: tanh by default, smooth everywhere. */
    protected Activation activation() {
        return PluginRegistry.load().activation("tanh");
    }

    @Test
    void idIsStable() {
        Contracts.idIsStable(this::create);
    }

    @Test
    void serviceLoaderFindsIt() {
        Contracts.registryFindsIt(PluginKind.LAYER, create());
    }

    @Test
    void itsParametersRebuildIt() {
        Contracts.parametersRoundTrip(PluginKind.LAYER, create());
    }

    @Test
    void theOutputHasTheLayersShapeAndIsFinite() {
        Layer layer = layer(SEED);
        assertEquals(input(), layer.inputShape(), "the layer takes the input it was made for");
        for (boolean training : new boolean[] {false, true}) {
            LayerPass pass = pass(layer, training);
            pass.forward(inputs(), BATCH);
            Matrix out = pass.output();
            assertEquals(BATCH, out.rows(), "one output row per example (training " + training + ")");
            assertEquals(layer.outputShape().size(), out.cols(), "outputShape().size() values per example");
            for (int i = 0; i < out.size(); i++) {
                assertTrue(Double.isFinite(out.data()[i]), "a finite input gives a finite output");
            }
            if (training) {
                assertNotNull(pass.gradient(), "a pass that trains has a gradient buffer");
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameLayerAndOutputs() {
        Layer a = layer(SEED);
        Layer b = layer(SEED);
        List<ParameterBlock> pa = a.parameters();
        List<ParameterBlock> pb = b.parameters();
        assertEquals(pa.size(), pb.size());
        for (int i = 0; i < pa.size(); i++) {
            assertEquals(pa.get(i).name(), pb.get(i).name());
            assertTrue(java.util.Arrays.deepEquals(pa.get(i).rows(), pb.get(i).rows()),
                    "parameters " + pa.get(i).name() + " are drawn from the seed alone");
        }
        for (boolean training : new boolean[] {false, true}) {
            assertArrayEquals(forward(a, training), forward(b, training), 0.0,
                    "the same seed gives the same outputs, bit for bit (training " + training + ")");
        }
        Layer copy = a.copy();
        assertArrayEquals(forward(a, false), forward(copy, false), 0.0, "copy() keeps the parameters");
    }

    @Test
    void evaluationDrawsNothingAndRepeats() {
        Layer layer = layer(SEED);
        LayerPass pass = layer.newPass(new PassSetup(BATCH, false, null, SERIAL));
        pass.forward(inputs(), BATCH);
        double[] first = pass.output().copy().data();
        pass.forward(inputs(), BATCH);
        assertArrayEquals(first, pass.output().copy().data(), 0.0, "evaluating twice gives the same bits");
    }

    @Test
    void inputGradientsMatchCentralDifferences() {
        Layer layer = layer(SEED);
        Matrix x = inputs();
        Matrix r = upstream(layer);
        LayerPass pass = pass(layer, true);
        pass.forward(x, BATCH);
        pass.gradient().setRows(BATCH);
        pass.gradient().setTo(r);
        Matrix gradIn = Matrix.of(BATCH, input().size());
        assertTrue(pass.backward(gradIn, BATCH), "backward of finite values reports finite");
        double[] values = x.data();
        for (int i = 0; i < x.size(); i++) {
            double numeric = FiniteDifference.central(values, i, () -> loss(layer, x, r));
            assertTrue(FiniteDifference.relativeError(numeric, gradIn.data()[i]) < FiniteDifference.TOLERANCE,
                    "dL/dinput[" + i + "]: backward gives " + gradIn.data()[i] + ", central difference " + numeric);
        }
    }

    @Test
    void parameterGradientsMatchCentralDifferences() {
        Layer layer = layer(SEED);
        assumeTrue(!layer.parameters().isEmpty(), "the layer has no parameters");
        Matrix x = inputs();
        Matrix r = upstream(layer);
        LayerPass pass = pass(layer, true);
        pass.forward(x, BATCH);
        pass.gradient().setRows(BATCH);
        pass.gradient().setTo(r);
        pass.backward(Matrix.of(BATCH, input().size()), BATCH);
        List<ParameterBlock> blocks = layer.parameters();
        double[][][] sums = new double[blocks.size()][][];
        ParameterUpdate own = pass.ownUpdate(new UpdateSetup(PluginRegistry.load().updateRule("sgd"), BATCH, 0,
                new long[] {1}, SERIAL));
        if (own != null) {
            own.sumGradients();
        } else {
            for (int i = 0; i < sums.length; i++) {
                sums[i] = blocks.get(i).zeros();
            }
            pass.parameterGradients(sums);
        }
        for (int i = 0; i < blocks.size(); i++) {
            double[][] analytic = own != null ? own.gradientSums(i) : sums[i];
            double[][] rows = blocks.get(i).rows();
            for (int k = 0; k < rows.length; k++) {
                boolean touched = own == null || own.touched(i, k);
                for (int j = 0; j < rows[k].length; j++) {
                    double numeric = FiniteDifference.central(rows[k], j, () -> loss(layer, x, r));
                    double a = touched ? analytic[k][j] : 0;
                    assertTrue(FiniteDifference.relativeError(numeric, a) < FiniteDifference.TOLERANCE,
                            "dL/d" + blocks.get(i).name() + "[" + k + "][" + j + "]: the layer gives " + a
                                    + ", central difference " + numeric);
                }
            }
        }
    }

    @Test
    void aMiniBatchAllocatesNothing() {
        assumeTrue(allocationFree(), "the layer says it allocates per mini-batch");
        Layer layer = layer(SEED);
        LayerPass pass = pass(layer, true);
        Matrix x = inputs();
        Matrix r = upstream(layer);
        Matrix gradIn = Matrix.of(BATCH, input().size());
        List<ParameterBlock> blocks = layer.parameters();
        double[][][] sums = new double[blocks.size()][][];
        for (int i = 0; i < sums.length; i++) {
            sums[i] = blocks.get(i).zeros();
        }
        ParameterUpdate own = pass.ownUpdate(new UpdateSetup(PluginRegistry.load().updateRule("sgd"), BATCH, 0,
                new long[] {1}, SERIAL));
        Runnable batch = () -> {
            pass.forward(x, BATCH);
            pass.gradient().setRows(BATCH);
            System.arraycopy(r.data(), 0, pass.gradient().data(), 0, r.size());
            pass.backward(gradIn, BATCH);
            if (own != null) {
                own.sumGradients();
            } else {
                pass.parameterGradients(sums);
            }
        };
        long allocated = Allocation.during(batch, 20, 200);
        assumeTrue(allocated >= 0, "needs HotSpot's per-thread allocation counter");
        assertTrue(allocated <= 1024, allocated + " bytes allocated by 200 mini-batches (forward, backward, gradients)");
    }

    private Layer layer(long seed) {
        LayerType type = create();
        return type.create(new LayerSetup(input(), type.takesActivation() ? activation() : null,
                PluginRegistry.load().initializer("default"), new SplittableRandom(seed)));
    }

    private static LayerPass pass(Layer layer, boolean training) {
        return layer.newPass(new PassSetup(BATCH, training, training ? new SplittableRandom(SEED) : null, SERIAL));
    }

    private static double[] forward(Layer layer, boolean training) {
        LayerPass pass = pass(layer, training);
        pass.forward(inputsFor(layer.inputShape()), BATCH);
        return pass.output().copy().data();
    }

    /** L = Σ output ⊙ r, in training with the draws of {@link #SEED}. */
    private static double loss(Layer layer, Matrix x, Matrix r) {
        LayerPass pass = pass(layer, true);
        pass.forward(x, BATCH);
        double sum = 0;
        for (int i = 0; i < r.size(); i++) {
            sum += pass.output().data()[i] * r.data()[i];
        }
        return sum;
    }

    private Matrix inputs() {
        return inputsFor(input());
    }

    private static Matrix inputsFor(Shape shape) {
        SplittableRandom random = new SplittableRandom(5);
        Matrix x = Matrix.of(BATCH, shape.size());
        for (int i = 0; i < x.size(); i++) {
            x.data()[i] = random.nextDouble(-1, 1);
        }
        return x;
    }

    private static Matrix upstream(Layer layer) {
        SplittableRandom random = new SplittableRandom(9);
        Matrix r = Matrix.of(BATCH, layer.outputShape().size());
        for (int i = 0; i < r.size(); i++) {
            r.data()[i] = random.nextDouble(-1, 1);
        }
        return r;
    }

    /** The calling thread's allocation counter, where the JVM has one (HotSpot's, through jdk.management). */
    private static final class Allocation {

        /** Returns the bytes {@code measured} runs allocate after {@code warmUp} runs, or -1 without a counter. */
        static long during(Runnable run, int warmUp, int measured) {
            try {
                if (!(java.lang.management.ManagementFactory.getThreadMXBean()
                        instanceof com.sun.management.ThreadMXBean threads)
                        || !threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled()) {
                    return -1;
                }
                for (int i = 0; i < warmUp; i++) {
                    run.run();
                }
                long before = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < measured; i++) {
                    run.run();
                }
                return threads.getCurrentThreadAllocatedBytes() - before;
            } catch (LinkageError e) {
                return -1; // jdk.management is not in the module graph
            }
        }
    }
}
