package dev.nn.monitor.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.testing.FuzzedFile;
import dev.nn.monitor.GradientTable;
import dev.nn.monitor.WeightStatsFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * weights.csv and gradients.csv (the tables nn plot draws) against any bytes: the readers return
 * their rows, or throw their exception naming the file; never another exception, never a hang. Run
 * on the seed corpora in every build; {@code JAZZER_FUZZ=1 ./mvnw -pl nn-monitor test
 * -Dtest=TableFuzzTests#...} fuzzes one.
 */
class TableFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void aWeightTableReadsOrFailsNamingIt(byte[] bytes) throws IOException {
        FuzzedFile.check(bytes, "weights.csv", file -> {
            try {
                // every line after the header is a row, or the file is refused
                assertEquals(new String(bytes, StandardCharsets.UTF_8).lines().count() - 1,
                        WeightStatsFiles.read(file).size());
            } catch (IOException e) {
                FuzzedFile.assertNames(file, e);
            }
        });
    }

    @FuzzTest(maxDuration = "2m")
    void aGradientTableReadsOrFailsNamingIt(byte[] bytes) throws IOException {
        FuzzedFile.check(bytes, "gradients.csv", file -> {
            try {
                // as nn plot reads it: the bytes decoded leniently
                GradientTable table = GradientTable.parseCsv(new String(Files.readAllBytes(file),
                        StandardCharsets.UTF_8), file.toString());
                assertFalse(table.rows().isEmpty(), "a table has rows");
            } catch (IllegalArgumentException e) {
                FuzzedFile.assertNames(file, e);
            }
        });
    }
}
