package dev.nn.core.plugins;

import dev.nn.core.spi.Weights;

/** Sums over every weight of a view, input by input, in increasing order. */
final class WeightSums {

    private WeightSums() {
    }

    /** Returns Σ |w|. */
    static double absolute(Weights weights) {
        double sum = 0;
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            for (int j = 0; j < weights.units(); j++) {
                sum += Math.abs(w[j]);
            }
        }
        return sum;
    }

    /** Returns Σ w². */
    static double squares(Weights weights) {
        double sum = 0;
        for (int k = 0; k < weights.inputs(); k++) {
            double[] w = weights.input(k);
            for (int j = 0; j < weights.units(); j++) {
                sum += w[j] * w[j];
            }
        }
        return sum;
    }
}
