package dev.nn.data.mnist;

/**
 * The content of an IDX file of unsigned bytes: its dimensions and its data in row-major order.
 *
 * @param dimensions the sizes from the header, such as {@code [60000, 28, 28]}
 * @param data the values, {@code product(dimensions)} bytes
 */
public record IdxData(int[] dimensions, byte[] data) {

    /** Returns the dimensions and the number of bytes, such as {@code IdxData[60000x28x28, 47040000 bytes]}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("IdxData[");
        for (int i = 0; i < dimensions.length; i++) {
            s.append(i == 0 ? "" : "x").append(dimensions[i]);
        }
        return s.append(", ").append(data.length).append(" bytes]").toString();
    }
}
