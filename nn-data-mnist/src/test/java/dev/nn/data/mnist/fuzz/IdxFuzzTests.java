package dev.nn.data.mnist.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.testing.FuzzedFile;
import dev.nn.data.mnist.IdxData;
import dev.nn.data.mnist.IdxFormatException;
import dev.nn.data.mnist.IdxReader;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The IDX reader against any bytes, raw or gzipped: it returns data whose size matches its
 * dimensions, or throws {@link IdxFormatException} naming the file; never another exception, never
 * a hang. Run on the seed corpus in every build; {@code JAZZER_FUZZ=1 ./mvnw -pl nn-data-mnist test
 * -Dtest=IdxFuzzTests} fuzzes (docs/engine.md).
 */
class IdxFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void labelsOrImagesReadOrFailWithTheirOwnError(byte[] bytes) throws IOException {
        FuzzedFile.check(bytes, "data.idx", file -> {
            check(file, 1);
            check(file, 3);
        });
    }

    private static void check(Path file, int dimensions) throws IOException {
        try {
            IdxData data = IdxReader.read(file, dimensions);
            long size = 1;
            for (int d : data.dimensions()) {
                size *= d;
            }
            assertTrue(data.dimensions().length == dimensions && size == data.data().length, "dimensions and data agree");
        } catch (IdxFormatException e) {
            FuzzedFile.assertNames(file, e);
        }
    }
}
