package dev.nn.core.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.io.MissingPluginsException;
import dev.nn.core.io.ModelFile;
import dev.nn.core.io.ModelFormatException;
import dev.nn.core.io.SavedModel;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.testing.FuzzedFile;
import java.io.IOException;

/**
 * model.json against any bytes: the reader returns a model whose network is whole, or throws
 * {@link ModelFormatException} or {@link MissingPluginsException} naming the file; never another
 * exception, never a hang. Run on the seed corpus in every build; {@code JAZZER_FUZZ=1 ./mvnw -pl
 * nn-core test -Dtest=ModelFuzzTests} fuzzes.
 */
class ModelFuzzTests {

    private static final PluginRegistry REGISTRY = PluginRegistry.load();

    @FuzzTest(maxDuration = "2m")
    void aModelFileReadsOrFailsWithItsOwnError(byte[] bytes) throws IOException {
        FuzzedFile.check(bytes, "model.json", file -> {
            try {
                SavedModel model = ModelFile.read(file, REGISTRY);
                assertTrue(model.network().isFinite() && model.network().outputSize() > 0, "a whole network");
            } catch (ModelFormatException | MissingPluginsException e) {
                FuzzedFile.assertNames(file, e);
            }
        });
    }
}
