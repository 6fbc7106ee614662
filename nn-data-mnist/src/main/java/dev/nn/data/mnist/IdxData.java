package dev.nn.data.mnist;

/**
 * The content of an IDX file of unsigned bytes: its dimensions and its data in row-major order.
 *
 * @param dimensions the sizes from the header, such as {@code [60000, 28, 28]}
 * @param data the values, {@code product(dimensions)} bytes
 */
public record IdxData(int[] dimensions, byte[] data) {
}
