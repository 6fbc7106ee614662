package dev.nn.train;

import dev.nn.core.network.Regularization;
import dev.nn.core.network.StepSettings;
import dev.nn.core.spi.UpdateRule;
import java.util.ArrayList;
import java.util.List;

/**
 * What one training run does: epochs, mini-batch size, learning rate, penalties, update rule and
 * the seed. Built once with {@link #builder()} and validated there; immutable.
 *
 * @param epochs passes over the training data, at least 1
 * @param batchSize examples per mini-batch, at least 1
 * @param eta the initial learning rate, finite and greater than 0
 * @param regularizations the penalties, applied in this order in every update
 * @param seed seeds the shuffle of every epoch and, through a derived generator, the masks of the
 *     network's dropout layers
 * @param threads threads that share each mini-batch's work; results do not depend on it
 * @param updateRule applies the gradients ({@code sgd}: network2.py's update)
 * @param shuffle whether each epoch visits the examples in a new random order (network2.py); false
 *     keeps the data's order every epoch (network3.py)
 * @param penaltiesPerBatch whether the penalties are scaled by the number of mini-batches
 *     ({@code n / batchSize}, network3.py's {@code 0.5 lambda sum(w^2) / num_training_batches})
 *     instead of the number of training examples (network2.py's {@code lambda / 2n})
 */
public record TrainingConfig(int epochs, int batchSize, double eta, List<Regularization> regularizations, long seed,
        int threads, UpdateRule updateRule, boolean shuffle, boolean penaltiesPerBatch) {

    /** Validates every value; a bad one is rejected naming the parameter and the accepted range. */
    public TrainingConfig {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1, got " + batchSize);
        }
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("eta must be a finite number > 0, got " + eta);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        java.util.Objects.requireNonNull(updateRule, "updateRule");
        regularizations = List.copyOf(regularizations);
    }

    /** Returns what the training step needs: the rule, and the dropout masks' seed, derived from {@link #seed}. */
    public StepSettings stepSettings() {
        return new StepSettings(updateRule, Long.rotateLeft(seed, 32) ^ 0x6A09E667F3BCC909L);
    }

    /**
     * Returns a builder with network2.py's defaults: 30 epochs, batch 10, eta 0.5, no penalty, seed 0,
     * 1 thread, the {@code sgd} rule, shuffled epochs, penalties per example.
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the {@code n} the penalties are divided by in an update of a run on {@code size}
     * examples: {@code size}, or with {@link #penaltiesPerBatch} the number of whole mini-batches.
     */
    public int penaltyScale(int size) {
        return penaltiesPerBatch ? Math.max(1, size / batchSize) : size;
    }

    /** Builds a {@link TrainingConfig}. */
    public static final class Builder {
        private boolean shuffle = true;
        private boolean penaltiesPerBatch;
        private int epochs = 30;
        private int batchSize = 10;
        private double eta = 0.5;
        private final List<Regularization> regularizations = new ArrayList<>();
        private long seed;
        private int threads = 1;
        private UpdateRule updateRule = StepSettings.SGD.updateRule();

        private Builder() {
        }

        /** Sets the update rule, such as {@code registry.updateRule("momentum:mu=0.9")}. */
        public Builder updateRule(UpdateRule rule) {
            this.updateRule = rule;
            return this;
        }



        /** Sets whether each epoch shuffles the examples (default: true). */
        public Builder shuffle(boolean on) {
            this.shuffle = on;
            return this;
        }

        /** Sets whether the penalties are scaled per mini-batch, as network3.py does (default: per example). */
        public Builder penaltiesPerBatch(boolean on) {
            this.penaltiesPerBatch = on;
            return this;
        }

        /** Sets the number of epochs (at least 1). */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Sets the mini-batch size (at least 1). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Sets the learning rate (finite, greater than 0). */
        public Builder eta(double eta) {
            this.eta = eta;
            return this;
        }

        /** Replaces the penalties with {@code list}. */
        public Builder regularizations(List<Regularization> list) {
            regularizations.clear();
            regularizations.addAll(list);
            return this;
        }

        /** Adds a penalty; penalties apply in the order they are added. */
        public Builder regularization(Regularization regularization) {
            regularizations.add(regularization);
            return this;
        }

        /** Sets the seed of the per-epoch shuffle. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Sets the number of threads (at least 1); the results are the same bits for any number. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Validates and builds the configuration. */
        public TrainingConfig build() {
            return new TrainingConfig(epochs, batchSize, eta, regularizations, seed, threads, updateRule, shuffle,
                    penaltiesPerBatch);
        }
    }
}
