package dev.nn.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.testing.FuzzedFile;
import dev.nn.sweep.SweepLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sweep's results.csv against any bytes, as the page reads it: every row it shows has one field
 * per column (a row of another width, which the page would show as "undefined", is left out and
 * said in the problem line), and nothing escapes as an exception. Run on the seed corpus in every
 * build; {@code JAZZER_FUZZ=1 ./mvnw -pl nn-dashboard test -Dtest=SweepViewFuzzTests} fuzzes.
 */
class SweepViewFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void resultsCsvReadsAsWholeRowsOrSaysWhatIsWrong(byte[] bytes) throws Exception {
        FuzzedFile.check(bytes, SweepLayout.RESULTS, file -> {
            SweepView view = SweepView.read(new SafePaths(file.getParent()), file.getParent());
            for (List<String> row : view.rows()) {
                assertEquals(view.columns().size(), row.size(), "a row as wide as the header");
            }
            assertTrue(List.of("running", "finished", "stopped").contains(view.status()), view.status());
        });
    }

    @Test
    void aRowCutShortIsLeftOutAndSaid() throws Exception {
        FuzzedFile.check("trial,status,eta\na,ok,0.1\nb,ok\nc,ok,0.5\nd\n".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                SweepLayout.RESULTS, file -> {
                    SweepView view = SweepView.read(new SafePaths(file.getParent()), file.getParent());
                    assertEquals(List.of(List.of("a", "ok", "0.1"), List.of("c", "ok", "0.5")), view.rows());
                    assertTrue(view.problem().contains("results.csv: row 2 has 2 fields, the header 3 (2 rows left out)"),
                            view.problem());
                });
    }
}
