package dev.nn.data.mnist;

import dev.nn.data.mnist.testing.IdxFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nn.core.data.DataSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTests {

    @TempDir
    Path dir;

    @Test
    void loadsScaledPixelsAndOneHotLabelsForTrainingAndTestAlike() throws IOException {
        IdxFiles.writeAll(dir, 12, 5, true);
        Mnist mnist = Mnist.load(dir);
        assertEquals(12, mnist.training().size());
        assertEquals(5, mnist.test().size());
        double[] x = new double[784];
        mnist.training().copyInputs(3, x, 0);
        assertEquals(3 / 255.0, x[0], 0.0);
        assertEquals(13 / 255.0, x[10], 0.0);
        for (DataSet set : new DataSet[] {mnist.training(), mnist.test()}) {
            double[] y = new double[10];
            set.copyTarget(4, y, 0);
            assertArrayEquals(new double[] {0, 0, 0, 0, 1, 0, 0, 0, 0, 0}, y, 0.0);
            assertEquals(4, set.label(4));
        }
    }

    @Test
    void swappedTrainingAndTestFilesAreRefused() throws IOException {
        IdxFiles.writeAll(dir, 10_000, 60_000, false); // MNIST's counts, each pair in the other's place
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Mnist.load(dir));
        assertEquals(dir + ": train-images-idx3-ubyte holds 10000 images and t10k-images-idx3-ubyte 60000, MNIST's"
                + " test and training counts: the training and test files are swapped", e.getMessage());
    }

    @Test
    void readsRawFilesToo() throws IOException {
        IdxFiles.writeAll(dir, 3, 2, false);
        assertEquals(3, Mnist.load(dir).training().size());
    }

    @Test
    void viewsShareStorage() throws IOException {
        IdxFiles.writeAll(dir, 20, 2, true);
        DataSet training = Mnist.load(dir).training();
        DataSet first = training.first(10);
        assertEquals(10, first.size());
        assertEquals(9, first.label(9));
        DataSet tail = training.slice(15, 20).first(2);
        assertEquals(5, tail.label(0));
        DataSet a = training.shuffled(new SplittableRandom(1));
        DataSet b = training.shuffled(new SplittableRandom(1));
        int[] la = new int[20];
        int[] lb = new int[20];
        for (int i = 0; i < 20; i++) {
            la[i] = a.label(i);
            lb[i] = b.label(i);
        }
        assertArrayEquals(la, lb, "same seed, same order");
        assertNotEquals(training.label(0) + "," + training.label(1) + "," + training.label(2),
                la[0] + "," + la[1] + "," + la[2]);
    }

    @Test
    void slicesAreCompactSetsThatGiveTheSameExamplesAndCheckTheirBounds() throws IOException {
        IdxFiles.writeAll(dir, 20, 2, true);
        DataSet training = Mnist.load(dir).training();
        DataSet slice = training.slice(5, 17).slice(2, 10);
        assertEquals(MnistDataSet.class, slice.getClass(), "no per-example indirection");
        assertEquals(MnistDataSet.class, training.first(3).getClass(), "first(n) is slice(0, n)");
        assertEquals(8, slice.size());
        for (int i = 0; i < 8; i++) {
            int whole = 7 + i;
            assertEquals(training.label(whole), slice.label(i));
            double[] expected = new double[784];
            double[] actual = new double[784];
            training.copyInputs(whole, expected, 0);
            slice.copyInputs(i, actual, 0);
            assertArrayEquals(expected, actual, 0.0);
            int[] idxExpected = new int[784];
            double[] valExpected = new double[784];
            int[] idx = new int[784];
            double[] val = new double[784];
            int n = training.copyNonZeroInputs(whole, idxExpected, valExpected);
            assertEquals(n, slice.copyNonZeroInputs(i, idx, val));
            assertArrayEquals(java.util.Arrays.copyOf(idxExpected, n), java.util.Arrays.copyOf(idx, n));
            assertArrayEquals(java.util.Arrays.copyOf(valExpected, n), java.util.Arrays.copyOf(val, n), 0.0);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> slice.label(8));
        assertThrows(IndexOutOfBoundsException.class, () -> slice.copyInputs(-1, new double[784], 0));
        assertThrows(IllegalArgumentException.class, () -> slice.slice(0, 9));
    }

    @Test
    void prefetchReadsOneEntryPerCacheLineOfTheNamedImage() {
        // image 0 has 3 nonzero pixels, image 1 has 130: positions span 9 lines of 32, values 3 of 64
        byte[] pixels = new byte[2 * 784];
        pixels[5] = 7;
        pixels[300] = 20;
        pixels[700] = (byte) 200;
        for (int p = 0; p < 130; p++) {
            pixels[784 + 100 + 2 * p] = (byte) (p % 100 + 1);
        }
        MnistDataSet images = new MnistDataSet(pixels, new byte[] {1, 2}, 784);
        assertEquals(5 + 7, images.prefetch(0), "first position and first value");
        int expected = 0;
        for (int e = 0; e < 130; e += 32) {
            expected += 100 + 2 * e;
        }
        for (int e = 0; e < 130; e += 64) {
            expected += e % 100 + 1;
        }
        assertEquals(expected, images.prefetch(1));
        assertEquals(expected, images.slice(1, 2).prefetch(0), "a slice reads its own image");
        DataSet view = images.shuffled(new SplittableRandom(1));
        assertEquals(expected, view.prefetch(view.label(0) == 2 ? 0 : 1), "a view reads the image it maps to");
        assertEquals(expected, new ExpandedMnist(images, 28).prefetch(5 + 3), "a shifted copy reads its base image");
    }

    @Test
    void countsThatDifferAreAnError() throws IOException {
        IdxFiles.writeAll(dir, 4, 2, false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.idx(0x801, new int[] {3}, new byte[3]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Mnist.load(dir));
        assertEquals(dir.resolve("train-images-idx3-ubyte") + " holds 4 images but "
                + dir.resolve("train-labels-idx1-ubyte") + " holds 3 labels; expected the same count", e.getMessage());
    }

    @Test
    void labelOutsideZeroToNine() throws IOException {
        IdxFiles.writeAll(dir, 3, 2, false);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), IdxFiles.idx(0x801, new int[] {3}, new byte[] {1, 12, 3}));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Mnist.load(dir));
        assertEquals(dir.resolve("train-labels-idx1-ubyte") + ": label 1 at byte offset 9: expected 0..9, found 12",
                e.getMessage());
    }

    @Test
    void imageSizeOtherThan28x28() throws IOException {
        IdxFiles.writeAll(dir, 3, 2, false);
        Files.write(dir.resolve("train-images-idx3-ubyte"), IdxFiles.idx(0x803, new int[] {3, 27, 28},
                new byte[3 * 27 * 28]));
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> Mnist.load(dir));
        assertEquals(dir.resolve("train-images-idx3-ubyte") + ": image size at byte offset 8: expected 28x28, found"
                + " 27x28", e.getMessage());
    }

    @Test
    void missingFileNamesBothSpellings() throws IOException {
        IdxFiles.writeMnist(dir, "train-images-idx3-ubyte", "train-labels-idx1-ubyte", 2, true);
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> Mnist.load(dir));
        assertEquals(dir.resolve("t10k-images-idx3-ubyte.gz") + ": MNIST file missing (neither"
                + " t10k-images-idx3-ubyte.gz nor t10k-images-idx3-ubyte is in " + dir + ")", e.getMessage());
    }
}
