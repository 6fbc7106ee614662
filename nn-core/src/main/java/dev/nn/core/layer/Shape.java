package dev.nn.core.layer;

/**
 * What a layer takes or gives per example: {@code channels} maps of {@code height x width} values,
 * stored channel by channel, row by row. A plain vector of n values is {@code n x 1 x 1}.
 *
 * @param channels at least 1
 * @param height at least 1
 * @param width at least 1
 */
public record Shape(int channels, int height, int width) {

    /** Checks the sizes. */
    public Shape {
        if (channels < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException("a shape needs sizes >= 1, got " + channels + "x" + height + "x" + width);
        }
    }

    /** Returns the shape of a plain vector of {@code n} values. */
    public static Shape vector(int n) {
        return new Shape(n, 1, 1);
    }

    /** Returns the number of values, {@code channels * height * width}. */
    public int size() {
        return channels * height * width;
    }

    /** Returns true for a plain vector ({@code height == width == 1}). */
    public boolean isVector() {
        return height == 1 && width == 1;
    }

    /** Returns {@code "30"} for a vector, {@code "1x28x28"} otherwise. */
    @Override
    public String toString() {
        return isVector() ? Integer.toString(channels) : channels + "x" + height + "x" + width;
    }
}
