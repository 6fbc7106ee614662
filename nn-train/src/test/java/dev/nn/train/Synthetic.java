package dev.nn.train;

import dev.nn.core.data.ArrayDataSet;
import dev.nn.core.data.DataSet;
import java.util.SplittableRandom;

/** A small learnable problem: the class is the index of the largest of the first three inputs. */
final class Synthetic {

    private Synthetic() {
    }

    static DataSet data(int n, int inputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[n][inputs];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < inputs; k++) {
                x[i][k] = random.nextInt(3) == 0 ? 0.0 : random.nextDouble();
            }
            int best = 0;
            for (int k = 1; k < 3; k++) {
                if (x[i][k] > x[i][best]) {
                    best = k;
                }
            }
            labels[i] = best;
        }
        return new ArrayDataSet(x, labels, 3);
    }
}
