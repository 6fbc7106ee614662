package dev.nn.core.reference;

import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.GradientRegularizer;
import dev.nn.core.spi.Parameter;
import dev.nn.core.spi.ProximalRegularizer;
import dev.nn.core.spi.UpdateRule;
import dev.nn.core.spi.Weights;
import java.util.List;
import java.util.SplittableRandom;
import dev.nn.core.spi.Matrix;

/**
 * network2.py's {@code Network}, written the slow and obvious way: one example at a time, dense,
 * the book's names and layout ({@code weights[l][j][k]}, the weight from input k to unit j). The
 * twin the fast path is checked against; it shares with it only the plugins (activations, cost,
 * regularizers, update rule), which see their documented layouts here too.
 */
public final class Network2Reference {

    private final int[] sizes;
    private final Activation[] activations;
    private final Cost cost;
    private final double[][][] weights;
    private final double[][] biases;
    private final UpdateRule rule;
    /** The rule's state, in the rows it sees: weightState[l][slot][k][j] (by input), biasState[l][slot][0][j]. */
    private final double[][][][] weightState;
    private final double[][][][] biasState;
    private final double dropout;
    private final SplittableRandom maskRandom;

    /** Copies {@code net}'s parameters; dropout masks come from {@code new SplittableRandom(seed)}. */
    public Network2Reference(Network net, UpdateRule rule, double dropout, long seed) {
        sizes = net.sizes();
        int layers = sizes.length - 1;
        activations = net.activations().toArray(new Activation[0]);
        cost = net.cost();
        weights = new double[layers][][];
        biases = new double[layers][];
        weightState = new double[layers][][][];
        biasState = new double[layers][][][];
        for (int l = 0; l < layers; l++) {
            Matrix w = net.weights(l);
            weights[l] = new double[sizes[l + 1]][sizes[l]];
            for (int j = 0; j < sizes[l + 1]; j++) {
                for (int k = 0; k < sizes[l]; k++) {
                    weights[l][j][k] = w.get(j, k);
                }
            }
            biases[l] = net.biases(l).data().clone();
            weightState[l] = new double[rule.stateSlots()][sizes[l]][sizes[l + 1]];
            biasState[l] = new double[rule.stateSlots()][1][sizes[l + 1]];
        }
        this.rule = rule;
        this.dropout = dropout;
        this.maskRandom = new SplittableRandom(seed);
    }

    /** Returns weights[l][j][k]. */
    public double weight(int l, int j, int k) {
        return weights[l][j][k];
    }

    /** Returns biases[l][j]. */
    public double bias(int l, int j) {
        return biases[l][j];
    }

    /**
     * network2.py's {@code update_mini_batch}: the gradients of every example summed, then one step.
     * With the {@code sgd} rule, {@code w = P(R(w) - (eta/m) nabla_w)}; with another, the rule's step
     * on {@code nabla_w/m} plus the gradient regularizers' terms, then P.
     */
    public void updateMiniBatch(double[][] xs, double[][] ys, double eta, List<Regularization> regs, int n) {
        int m = xs.length;
        double[][][][] masks = drawMasks(m);
        double[][][] nablaW = new double[weights.length][][];
        double[][] nablaB = new double[weights.length][];
        for (int l = 0; l < weights.length; l++) {
            nablaW[l] = new double[sizes[l + 1]][sizes[l]];
            nablaB[l] = new double[sizes[l + 1]];
        }
        for (int s = 0; s < m; s++) {
            backprop(xs[s], ys[s], masks[s], nablaW, nablaB);
        }
        for (int l = 0; l < weights.length; l++) {
            if (rule.id().equals("sgd")) {
                sgdStep(l, nablaW[l], nablaB[l], eta, m, regs, n);
            } else {
                ruleStep(l, nablaW[l], nablaB[l], eta, m, regs, n);
            }
            double[][] byInput = transpose(weights[l]);
            for (Regularization r : regs) {
                if (r.regularizer() instanceof ProximalRegularizer && r.lambda() != 0) {
                    ((ProximalRegularizer) r.regularizer()).apply(Weights.of(byInput, sizes[l + 1]), r.lambda(), eta, n);
                }
            }
            weights[l] = transpose(byInput);
        }
    }

    /** The dropout masks of a batch, drawn hidden layer by layer, example by example, unit by unit. */
    private double[][][][] drawMasks(int m) {
        double[][][][] masks = new double[m][weights.length - 1][][];
        for (int h = 0; h < weights.length - 1; h++) {
            for (int s = 0; s < m; s++) {
                masks[s][h] = new double[1][sizes[h + 1]];
                for (int j = 0; j < sizes[h + 1]; j++) {
                    boolean keep = dropout == 0 || maskRandom.nextDouble() >= dropout;
                    masks[s][h][0][j] = keep ? 1 / (1 - dropout) : 0.0;
                }
            }
        }
        return masks;
    }

    /** network2.py's {@code backprop} for one example, adding its gradients to nablaW and nablaB. */
    private void backprop(double[] x, double[] y, double[][][] mask, double[][][] nablaW, double[][] nablaB) {
        int layers = weights.length;
        double[][] zs = new double[layers][];
        double[][] sigmas = new double[layers][];
        double[][] activationList = new double[layers + 1][];
        double[] activation = x;
        activationList[0] = x;
        for (int l = 0; l < layers; l++) {
            double[] z = plus(dot(weights[l], activation), biases[l]);
            zs[l] = z;
            sigmas[l] = apply(activations[l], z);
            activation = l < layers - 1 ? times(sigmas[l], mask[l][0]) : sigmas[l];
            activationList[l + 1] = activation;
        }
        Matrix delta = Matrix.of(1, sizes[layers]);
        cost.delta(activations[layers - 1], row(zs[layers - 1]), row(sigmas[layers - 1]), row(y), delta);
        double[] d = delta.data();
        for (int l = layers - 1; l >= 0; l--) {
            addOuter(nablaW[l], d, activationList[l]);
            addTo(nablaB[l], d);
            if (l > 0) {
                double[] gradA = times(dotTransposed(weights[l], d), mask[l - 1][0]);
                Matrix below = Matrix.of(1, sizes[l]);
                activations[l - 1].backward(row(zs[l - 1]), row(sigmas[l - 1]), row(gradA), below);
                d = below.data();
            }
        }
    }

    private void sgdStep(int l, double[][] nw, double[] nb, double eta, int m, List<Regularization> regs, int n) {
        double[][] byInput = transpose(weights[l]);
        for (Regularization r : regs) {
            if (r.regularizer() instanceof GradientRegularizer && r.lambda() != 0) {
                ((GradientRegularizer) r.regularizer()).decay(Weights.of(byInput, sizes[l + 1]), eta * (r.lambda() / n));
            }
        }
        weights[l] = transpose(byInput);
        for (int j = 0; j < sizes[l + 1]; j++) {
            for (int k = 0; k < sizes[l]; k++) {
                weights[l][j][k] = weights[l][j][k] - (eta / m) * nw[j][k];
            }
            biases[l][j] = biases[l][j] - (eta / m) * nb[j];
        }
    }

    private void ruleStep(int l, double[][] nw, double[] nb, double eta, int m, List<Regularization> regs, int n) {
        double[][] byInput = transpose(weights[l]);
        double[][] gradient = transpose(nw);
        for (double[] g : gradient) {
            for (int j = 0; j < g.length; j++) {
                g[j] = g[j] / m;
            }
        }
        for (Regularization r : regs) {
            if (r.regularizer() instanceof GradientRegularizer && r.lambda() != 0) {
                ((GradientRegularizer) r.regularizer()).addGradient(Weights.of(byInput, sizes[l + 1]),
                        r.lambda() / n, Weights.of(gradient, sizes[l + 1]));
            }
        }
        rule.step(new Parameter(byInput, gradient, weightState[l]), 0, sizes[l], eta);
        weights[l] = transpose(byInput);
        double[][] biasGradient = {nb.clone()};
        for (int j = 0; j < nb.length; j++) {
            biasGradient[0][j] = nb[j] / m;
        }
        rule.step(new Parameter(new double[][] {biases[l]}, biasGradient, biasState[l]), 0, 1, eta);
    }

    private static double[] apply(Activation activation, double[] z) {
        Matrix a = Matrix.of(1, z.length);
        activation.apply(row(z), a);
        return a.data();
    }

    private static Matrix row(double[] v) {
        return Matrix.wrap(1, v.length, v.clone());
    }

    /** Returns w · a. */
    private static double[] dot(double[][] w, double[] a) {
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            for (int k = 0; k < a.length; k++) {
                out[j] += w[j][k] * a[k];
            }
        }
        return out;
    }

    /** Returns wᵀ · d. */
    private static double[] dotTransposed(double[][] w, double[] d) {
        double[] out = new double[w[0].length];
        for (int j = 0; j < w.length; j++) {
            for (int k = 0; k < out.length; k++) {
                out[k] += w[j][k] * d[j];
            }
        }
        return out;
    }

    private static double[] plus(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] + b[i];
        }
        return out;
    }

    private static double[] times(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    /** nw += d · aᵀ. */
    private static void addOuter(double[][] nw, double[] d, double[] a) {
        for (int j = 0; j < d.length; j++) {
            for (int k = 0; k < a.length; k++) {
                nw[j][k] += d[j] * a[k];
            }
        }
    }

    private static void addTo(double[] sum, double[] d) {
        for (int j = 0; j < d.length; j++) {
            sum[j] += d[j];
        }
    }

    private static double[][] transpose(double[][] m) {
        double[][] t = new double[m[0].length][m.length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                t[j][i] = m[i][j];
            }
        }
        return t;
    }
}
