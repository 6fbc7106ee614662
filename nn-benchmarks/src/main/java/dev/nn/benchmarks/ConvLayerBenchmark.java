package dev.nn.benchmarks;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.RowTasks;
import dev.nn.core.layer.Shape;
import dev.nn.core.plugins.DefaultInitializer;
import dev.nn.core.plugins.Sigmoid;
import dev.nn.core.plugins.layers.ConvType;
import dev.nn.core.spi.Matrix;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * One mini-batch of 10 through a convolution of chapter 6's dbl_conv as training runs it, on one
 * thread, in microseconds: forward, the weight and bias gradients, and below the first layer the
 * input's gradient. {@code conv1} is 1x28x28 to 20x24x24 (5x5 kernels; 0.288 M multiply-adds an image
 * each way; the first layer passes no gradient down), {@code conv2} 20x12x12 to 40x8x8 (1.28 M): a
 * batch is 11.5 MFLOP for conv1 and 76.8 for conv2 (counted as 2 per multiply-add), and GFLOP/s is
 * that over the time. The input is an MNIST-like image (19% nonzero pixels) for conv1, dense for conv2.
 */
public class ConvLayerBenchmark extends MicrosecondsBenchmark {

    private static final int BATCH = 10;
    private static final RowTasks SERIAL = (rows, work, task) -> task.run(0, 0, rows);

    /** The layer: conv1 or conv2 of dbl_conv. */
    @Param({"conv1", "conv2"})
    public String layer;

    private LayerPass pass;
    private Matrix in;
    private Matrix gradIn;
    private double[][][] sums;
    /** The output's gradient, copied in before each backward pass (which may work in place). */
    private double[] outputGradient;

    /** Makes the layer, its training pass and a batch. */
    @Setup(Level.Trial)
    public void setUp() {
        boolean first = layer.equals("conv1");
        Shape shape = first ? new Shape(1, 28, 28) : new Shape(20, 12, 12);
        Layer conv = new ConvType(first ? 20 : 40, 5).create(new LayerSetup(shape, new Sigmoid(),
                new DefaultInitializer(), new SplittableRandom(1)));
        pass = conv.newPass(new PassSetup(BATCH, true, new SplittableRandom(2), SERIAL));
        SplittableRandom random = new SplittableRandom(3);
        in = Matrix.of(BATCH, shape.size());
        for (int i = 0; i < in.size(); i++) {
            in.data()[i] = !first || random.nextDouble() < 0.19 ? random.nextDouble() : 0;
        }
        gradIn = first ? null : Matrix.of(BATCH, shape.size());
        sums = conv.parameters().stream().map(ParameterBlock::zeros).toArray(double[][][]::new);
        Matrix grad = pass.gradient();
        grad.setRows(BATCH);
        outputGradient = new double[BATCH * grad.cols()];
        for (int i = 0; i < outputGradient.length; i++) {
            outputGradient[i] = random.nextDouble() - 0.5;
        }
    }

    /** Forward only, as evaluation and the first half of training run it. */
    @Benchmark
    public Matrix forward() {
        pass.forward(in, BATCH);
        return pass.output();
    }

    /** Forward, then back: the gradient of the input (below the first layer), the weights' and the biases'. */
    @Benchmark
    public double[][][] forwardAndBack() {
        pass.forward(in, BATCH);
        Matrix grad = pass.gradient();
        grad.setRows(BATCH);
        System.arraycopy(outputGradient, 0, grad.data(), 0, outputGradient.length);
        pass.backward(gradIn, BATCH);
        pass.parameterGradients(sums);
        return sums;
    }
}
