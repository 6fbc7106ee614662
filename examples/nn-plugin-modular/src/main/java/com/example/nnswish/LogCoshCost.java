package com.example.nnswish;

import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Matrix;

/** The log-cosh cost, sum of ln(cosh(a - y)): quadratic near the target, linear far from it. */
public final class LogCoshCost implements Cost {

    @Override
    public String id() {
        return "log-cosh";
    }

    @Override
    public double value(Matrix a, Matrix y) {
        double sum = 0;
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                double d = Math.abs(a.get(r, c) - y.get(r, c));
                sum += d + Math.log1p(Math.exp(-2 * d)) - Math.log(2);
            }
        }
        return sum;
    }

    @Override
    public void derivative(Matrix a, Matrix y, Matrix gradA) {
        for (int r = 0; r < a.rows(); r++) {
            for (int c = 0; c < a.cols(); c++) {
                gradA.set(r, c, Math.tanh(a.get(r, c) - y.get(r, c)));
            }
        }
    }
}
