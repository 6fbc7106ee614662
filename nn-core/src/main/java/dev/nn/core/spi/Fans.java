package dev.nn.core.spi;

/**
 * How many connections a layer's units have, for initializers that scale by them.
 *
 * @param in the inputs of one unit (a dense row's inputs; a filter's channels x size x size)
 * @param out the units one input reaches (a dense layer's units; a convolution's filters x size x
 *     size, divided by the pooling area after it, as network3.py counts)
 */
public record Fans(double in, double out) {

    /** Checks that both are positive. */
    public Fans {
        if (!(in > 0) || !(out > 0)) {
            throw new IllegalArgumentException("fans must be > 0, got in " + in + " and out " + out);
        }
    }
}
