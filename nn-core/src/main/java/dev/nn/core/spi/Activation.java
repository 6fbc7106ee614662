package dev.nn.core.spi;


/**
 * An activation function applied to a whole mini-batch: one row per example, one column per unit.
 *
 * <p>Most activations act element by element; implement {@link ElementwiseActivation} for those.
 * Activations that couple the units of one example (softmax) implement this interface directly.
 * Implementations are stateless and thread-safe.
 */
public interface Activation extends Plugin {

    /**
     * a = σ(z), row by row.
     *
     * @param z weighted inputs. Not modified.
     * @param a activations, same shape as {@code z}. Modified.
     */
    void apply(Matrix z, Matrix a);

    /**
     * gradZ = (∂a/∂z)ᵀ gradA for every row: the derivative applied to an upstream gradient.
     * For an element-wise σ this is {@code gradZ = gradA ⊙ σ'(z)}.
     *
     * @param z weighted inputs. Not modified.
     * @param a {@code σ(z)}. Not modified.
     * @param gradA gradient with respect to {@code a}. Not modified unless it is {@code gradZ}.
     * @param gradZ gradient with respect to {@code z}; may be the same matrix as {@code gradA}. Modified.
     */
    void backward(Matrix z, Matrix a, Matrix gradA, Matrix gradZ);
}
