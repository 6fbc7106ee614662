package dev.nn.core.layer;

import dev.nn.core.spi.Weights;

/**
 * The regularizers of a run with their strengths, as an update applies them to a layer's weights.
 * Every method acts on the regularizers of one phase whose {@code elementwise()} is the given one,
 * in the run's order, those with lambda 0 skipped; an update calls the elementwise ones per block of
 * rows and the others on a whole weight block.
 */
public interface Penalties {

    /** Applies each gradient regularizer's {@code decay(w, eta * lambda / n)}: network2.py's weight decay. */
    void decay(Weights w, boolean elementwise, double eta);

    /** Adds each gradient regularizer's term {@code ∂(lambda/n R)/∂w} to the mean gradient. */
    void addGradients(Weights w, Weights meanGradient, boolean elementwise);

    /** Applies each proximal regularizer, after the gradient step. */
    void proximal(Weights w, boolean elementwise, double eta);

    /** Returns true if some regularizer adds a gradient term (lambda &gt; 0). */
    boolean hasGradientTerm();
}
