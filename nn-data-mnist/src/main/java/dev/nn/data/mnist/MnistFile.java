package dev.nn.data.mnist;

/**
 * The four standard MNIST files, with the size and SHA-256 of each gzipped original (the table in
 * {@code shared/mnist/SOURCE.md}).
 */
public enum MnistFile {
    /** The 60000 training images. */
    TRAIN_IMAGES("train-images-idx3-ubyte", 3, 9912422,
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
    /** The 60000 training labels. */
    TRAIN_LABELS("train-labels-idx1-ubyte", 1, 28881,
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"),
    /** The 10000 test images. */
    TEST_IMAGES("t10k-images-idx3-ubyte", 3, 1648877,
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),
    /** The 10000 test labels. */
    TEST_LABELS("t10k-labels-idx1-ubyte", 1, 4542,
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6");

    private final String baseName;
    private final int dimensions;
    private final long gzipSize;
    private final String gzipSha256;

    MnistFile(String baseName, int dimensions, long gzipSize, String gzipSha256) {
        this.baseName = baseName;
        this.dimensions = dimensions;
        this.gzipSize = gzipSize;
        this.gzipSha256 = gzipSha256;
    }

    /** Returns the name without {@code .gz}, such as {@code train-images-idx3-ubyte}. */
    public String baseName() {
        return baseName;
    }

    /** Returns the name of the gzipped file, as mirrors serve it. */
    public String gzipName() {
        return baseName + ".gz";
    }

    /** Returns the number of IDX dimensions: 3 for images, 1 for labels. */
    public int dimensions() {
        return dimensions;
    }

    /** Returns the size of the gzipped original in bytes. */
    public long gzipSize() {
        return gzipSize;
    }

    /** Returns the SHA-256 of the gzipped original, in lower-case hex. */
    public String gzipSha256() {
        return gzipSha256;
    }
}
