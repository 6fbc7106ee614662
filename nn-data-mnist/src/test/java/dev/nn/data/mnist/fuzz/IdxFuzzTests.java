package dev.nn.data.mnist.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.data.mnist.IdxData;
import dev.nn.data.mnist.IdxFormatException;
import dev.nn.data.mnist.IdxReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The IDX reader against any bytes, raw or gzipped: it returns data whose size matches its
 * dimensions, or throws {@link IdxFormatException} naming the file; never another exception, never
 * a hang. Run on the seed corpus in every build; {@code JAZZER_FUZZ=1 ./mvnw -pl nn-data-mnist test
 * -Dtest=IdxFuzzTests} fuzzes (docs/engine.md).
 */
class IdxFuzzTests {

    private static final Duration BOUND = Duration.ofSeconds(20);

    @FuzzTest(maxDuration = "2m")
    void labelsOrImagesReadOrFailWithTheirOwnError(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("nn-fuzz-", ".idx");
        try {
            Files.write(file, bytes);
            for (int dimensions : new int[] {1, 3}) {
                assertTimeoutPreemptively(BOUND, () -> check(file, dimensions));
            }
        } finally {
            Files.deleteIfExists(file);
        }
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
            assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()), "names the file: " + e);
        }
    }
}
