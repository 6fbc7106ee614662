package dev.nn.run.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.testing.FuzzedFile;
import dev.nn.run.RunLayout;
import dev.nn.run.RunSpec;
import java.io.IOException;

/**
 * run.json against any bytes: {@link RunLayout#spec} returns the spec it records (or null for
 * none), or throws an {@link IOException} or {@link IllegalArgumentException} naming the file; never
 * another exception, never a hang. Run on the seed corpus in every build; {@code JAZZER_FUZZ=1
 * ./mvnw -pl nn-run test -Dtest=RunSpecFuzzTests} fuzzes.
 */
class RunSpecFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void runJsonReadsOrFailsNamingTheFile(byte[] bytes) throws IOException {
        FuzzedFile.check(bytes, RunLayout.RUN, file -> {
            try {
                RunSpec spec = RunLayout.spec(file.getParent());
                if (spec != null) {
                    // what was read is a spec: it writes and reads back as itself
                    org.junit.jupiter.api.Assertions.assertEquals(spec, RunSpec.fromJson(spec.toJson()));
                }
            } catch (IOException | IllegalArgumentException e) {
                FuzzedFile.assertNames(file, e);
            }
        });
    }
}
