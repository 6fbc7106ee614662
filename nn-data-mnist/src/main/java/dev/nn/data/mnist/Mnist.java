package dev.nn.data.mnist;

import dev.nn.core.data.DataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * MNIST loaded from a directory: the training and test sets.
 *
 * @param training the 60000 training examples, in file order
 * @param test the 10000 test examples, in file order
 */
public record Mnist(DataSet training, DataSet test) implements java.io.Serializable {

    /** The image side in pixels. */
    public static final int SIDE = 28;

    /**
     * Loads the four files from {@code dir}, each gzipped ({@code .gz}) or raw.
     *
     * @throws IdxFormatException naming the file and field if a file is malformed or the files disagree,
     *     or naming the directory if its training and test files are MNIST's swapped
     * @throws IOException if a file is missing or unreadable
     */
    public static Mnist load(Path dir) throws IOException {
        Mnist mnist = new Mnist(loadTraining(dir), loadTest(dir));
        // MNIST's counts the other way round: the two pairs of files were renamed into each other's places
        if (mnist.training().size() == 10_000 && mnist.test().size() == 60_000) {
            throw new IdxFormatException(dir + ": " + MnistFile.TRAIN_IMAGES.baseName() + " holds 10000 images and "
                    + MnistFile.TEST_IMAGES.baseName() + " 60000, MNIST's test and training counts: the training and"
                    + " test files are swapped");
        }
        return mnist;
    }

    /**
     * Loads the 60000 training images and labels of {@code dir} alone, as {@link #load} does.
     *
     * @throws IdxFormatException naming the file and field if a file is malformed or the two disagree
     * @throws IOException if a file is missing or unreadable
     */
    public static DataSet loadTraining(Path dir) throws IOException {
        return load(dir, MnistFile.TRAIN_IMAGES, MnistFile.TRAIN_LABELS);
    }

    /**
     * Loads the 10000 test images and labels of {@code dir} alone, as {@link #load} does: a fifth of
     * the work, for a program that has something to do with them while the training set loads.
     *
     * @throws IdxFormatException naming the file and field if a file is malformed or the two disagree
     * @throws IOException if a file is missing or unreadable
     */
    public static DataSet loadTest(Path dir) throws IOException {
        return load(dir, MnistFile.TEST_IMAGES, MnistFile.TEST_LABELS);
    }

    /**
     * Returns the book's expanded training data ({@code expand_mnist.py}): each image of
     * {@code images} followed by the same shifted by one pixel down, up, right and left, 5 times as
     * many examples (250000 from the 50000 of {@link #nielsenSplit()}), made on the fly, nothing
     * stored twice.
     *
     * @throws IllegalArgumentException if the examples are not 28x28 images
     */
    public static DataSet expanded(DataSet images) {
        return new ExpandedMnist(images, SIDE);
    }

    /** Returns Nielsen's split: the first 50000 training images for training, the last 10000 for validation. */
    public Split nielsenSplit() {
        return new Split(training.first(50000), training.slice(50000, training.size()), test);
    }

    /**
     * Training, validation and test sets, as {@code mnist_loader.load_data_wrapper()} returns them.
     *
     * @param training the first 50000 training images
     * @param validation the last 10000 training images
     * @param test the 10000 test images
     */
    public record Split(DataSet training, DataSet validation, DataSet test) {
    }

    /** Returns the path of {@code file} in {@code dir}, gzipped or raw, or null if neither exists. */
    static Path find(Path dir, MnistFile file) {
        Path gz = dir.resolve(file.gzipName());
        if (Files.isRegularFile(gz)) {
            return gz;
        }
        Path raw = dir.resolve(file.baseName());
        return Files.isRegularFile(raw) ? raw : null;
    }

    /** Returns the {@code .gz} names of the files {@code dir} lacks (in neither spelling), in file order. */
    static List<String> missingFiles(Path dir) {
        List<String> missing = new ArrayList<>();
        for (MnistFile f : MnistFile.values()) {
            if (find(dir, f) == null) {
                missing.add(f.gzipName());
            }
        }
        return missing;
    }

    /** Returns true if {@code dir} holds all four files. */
    static boolean isComplete(Path dir) {
        return missingFiles(dir).isEmpty();
    }

    private static DataSet load(Path dir, MnistFile imagesFile, MnistFile labelsFile) throws IOException {
        Path imagesPath = require(dir, imagesFile);
        Path labelsPath = require(dir, labelsFile);
        IdxData images = IdxReader.read(imagesPath, 3);
        IdxData labels = IdxReader.read(labelsPath, 1);
        int[] dims = images.dimensions();
        if (dims[1] != SIDE || dims[2] != SIDE) {
            throw new IdxFormatException(imagesPath + ": image size at byte offset 8: expected " + SIDE + "x" + SIDE
                    + ", found " + dims[1] + "x" + dims[2]);
        }
        if (dims[0] != labels.dimensions()[0]) {
            throw new IdxFormatException(imagesPath + " holds " + dims[0] + " images but " + labelsPath + " holds "
                    + labels.dimensions()[0] + " labels; expected the same count");
        }
        byte[] l = labels.data();
        for (int i = 0; i < l.length; i++) {
            if (l[i] < 0 || l[i] > 9) {
                throw new IdxFormatException(labelsPath + ": label " + i + " at byte offset " + (8 + i)
                        + ": expected 0..9, found " + (l[i] & 0xff));
            }
        }
        return new MnistDataSet(images.data(), l, SIDE * SIDE);
    }

    private static Path require(Path dir, MnistFile file) throws IOException {
        Path found = find(dir, file);
        if (found == null) {
            throw new java.nio.file.NoSuchFileException(dir.resolve(file.gzipName()).toString(), null,
                    "MNIST file missing (neither " + file.gzipName() + " nor " + file.baseName() + " is in " + dir + ")");
        }
        return found;
    }
}
