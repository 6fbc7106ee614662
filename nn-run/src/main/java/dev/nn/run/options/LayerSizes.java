package dev.nn.run.options;

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

    @Override
    public boolean equals(Object o) {
        return o instanceof LayerSizes other && java.util.Arrays.equals(other.sizes, sizes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(sizes);
    }

    /** Returns the sizes as the flag takes them, such as {@code 784,30,10}. */
    @Override
    public String toString() {
        return java.util.Arrays.stream(sizes).mapToObj(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }
}
