package dev.nn.core.reference;

/**
 * Chapter 6's layers written like network3.py, one example at a time with direct loops, for the
 * fast path to be checked against: a convolution (sigmoid), 2x2 max-pooling, a dense sigmoid layer
 * and a softmax output with the log-likelihood cost. Slow and plain on purpose.
 */
final class Network3Reference {

    final int channels;
    final int height;
    final int width;
    final int filters;
    final int k;
    final int hidden;
    final int classes;
    /** w1[f][c][i][j], b1[f]; w2[j][q] over the pooled maps flattened channel by channel; w3[o][j]. */
    final double[][][][] w1;
    final double[] b1;
    final double[][] w2;
    final double[] b2;
    final double[][] w3;
    final double[] b3;
    /** The sums over a batch of ∂C/∂parameter, same shapes. */
    double[][][][] nw1;
    double[] nb1;
    double[][] nw2;
    double[] nb2;
    double[][] nw3;
    double[] nb3;

    Network3Reference(int channels, int height, int width, int filters, int k, int hidden, int classes) {
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.filters = filters;
        this.k = k;
        this.hidden = hidden;
        this.classes = classes;
        w1 = new double[filters][channels][k][k];
        b1 = new double[filters];
        w2 = new double[hidden][pooled()];
        b2 = new double[hidden];
        w3 = new double[classes][hidden];
        b3 = new double[classes];
    }

    int convHeight() {
        return height - k + 1;
    }

    int convWidth() {
        return width - k + 1;
    }

    int pooled() {
        return filters * (convHeight() / 2) * (convWidth() / 2);
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Zeroes the sums, then adds each example's gradients. */
    void backprop(double[][] xs, int[] labels) {
        nw1 = new double[filters][channels][k][k];
        nb1 = new double[filters];
        nw2 = new double[hidden][pooled()];
        nb2 = new double[hidden];
        nw3 = new double[classes][hidden];
        nb3 = new double[classes];
        for (int s = 0; s < xs.length; s++) {
            example(xs[s], labels[s]);
        }
    }

    private void example(double[] x, int label) {
        int oh = convHeight();
        int ow = convWidth();
        double[][][] z1 = new double[filters][oh][ow];
        double[][][] a1 = new double[filters][oh][ow];
        for (int f = 0; f < filters; f++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    double z = b1[f];
                    for (int c = 0; c < channels; c++) {
                        for (int di = 0; di < k; di++) {
                            for (int dj = 0; dj < k; dj++) {
                                z += w1[f][c][di][dj] * x[(c * height + i + di) * width + j + dj];
                            }
                        }
                    }
                    z1[f][i][j] = z;
                    a1[f][i][j] = sigmoid(z);
                }
            }
        }
        int ph = oh / 2;
        int pw = ow / 2;
        double[] pool = new double[pooled()];
        int[][] from = new int[pooled()][];
        for (int f = 0, q = 0; f < filters; f++) {
            for (int i = 0; i < ph; i++) {
                for (int j = 0; j < pw; j++, q++) {
                    double best = Double.NEGATIVE_INFINITY;
                    for (int di = 0; di < 2; di++) {
                        for (int dj = 0; dj < 2; dj++) {
                            if (a1[f][2 * i + di][2 * j + dj] > best) {
                                best = a1[f][2 * i + di][2 * j + dj];
                                from[q] = new int[] {f, 2 * i + di, 2 * j + dj};
                            }
                        }
                    }
                    pool[q] = best;
                }
            }
        }
        double[] z2 = new double[hidden];
        double[] a2 = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double z = b2[j];
            for (int q = 0; q < pool.length; q++) {
                z += w2[j][q] * pool[q];
            }
            z2[j] = z;
            a2[j] = sigmoid(z);
        }
        double[] z3 = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < classes; o++) {
            double z = b3[o];
            for (int j = 0; j < hidden; j++) {
                z += w3[o][j] * a2[j];
            }
            z3[o] = z;
            max = Math.max(max, z);
        }
        double total = 0;
        double[] a3 = new double[classes];
        for (int o = 0; o < classes; o++) {
            a3[o] = Math.exp(z3[o] - max);
            total += a3[o];
        }
        double[] d3 = new double[classes];
        for (int o = 0; o < classes; o++) {
            a3[o] /= total;
            d3[o] = a3[o] - (o == label ? 1 : 0);
            nb3[o] += d3[o];
            for (int j = 0; j < hidden; j++) {
                nw3[o][j] += d3[o] * a2[j];
            }
        }
        double[] d2 = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double g = 0;
            for (int o = 0; o < classes; o++) {
                g += w3[o][j] * d3[o];
            }
            d2[j] = g * a2[j] * (1 - a2[j]);
            nb2[j] += d2[j];
            for (int q = 0; q < pool.length; q++) {
                nw2[j][q] += d2[j] * pool[q];
            }
        }
        double[][][] d1 = new double[filters][oh][ow];
        for (int q = 0; q < pool.length; q++) {
            double g = 0;
            for (int j = 0; j < hidden; j++) {
                g += w2[j][q] * d2[j];
            }
            int[] at = from[q];
            double a = a1[at[0]][at[1]][at[2]];
            d1[at[0]][at[1]][at[2]] = g * a * (1 - a);
        }
        for (int f = 0; f < filters; f++) {
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    nb1[f] += d1[f][i][j];
                    for (int c = 0; c < channels; c++) {
                        for (int di = 0; di < k; di++) {
                            for (int dj = 0; dj < k; dj++) {
                                nw1[f][c][di][dj] += d1[f][i][j] * x[(c * height + i + di) * width + j + dj];
                            }
                        }
                    }
                }
            }
        }
    }
}
