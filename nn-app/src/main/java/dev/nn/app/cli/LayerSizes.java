package dev.nn.app.cli;

/**
 * The value of {@code --layers}: layer sizes, input first.
 *
 * @param sizes at least two sizes, each at least 1
 */
public record LayerSizes(int[] sizes) {

    /** Copies the array. */
    public LayerSizes {
        sizes = sizes.clone();
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }
}
