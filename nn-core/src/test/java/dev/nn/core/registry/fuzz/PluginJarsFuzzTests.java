package dev.nn.core.registry.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.registry.PluginJars;
import dev.nn.core.registry.PluginProblem;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.testing.FuzzedFile;
import java.io.IOException;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;

/**
 * A plugin jar of any bytes in a plugin directory: scanning it and loading the plugins it offers
 * never throws; what cannot be used is a problem whose message names the jar, and the built-in
 * plugins stay. Run on the seed corpus in every build; {@code JAZZER_FUZZ=1 ./mvnw -pl nn-core test
 * -Dtest=PluginJarsFuzzTests} fuzzes.
 */
class PluginJarsFuzzTests {

    @FuzzTest(maxDuration = "2m")
    void anyJarIsUsedOrReportedAndTheBuiltInsStay(byte[] bytes) throws IOException {
        FuzzedFile.check(bytes, "plugin.jar", file -> {
            PluginJars jars = PluginJars.scan(List.of(file.getParent()), Set.of(file.getParent()));
            ClassLoader loader = jars.classLoader(PluginJarsFuzzTests.class.getClassLoader());
            try {
                PluginRegistry registry = PluginRegistry.load(loader, jars);
                assertTrue(registry.activation("sigmoid") != null, "the built-ins stay");
                for (PluginProblem problem : jars.problems()) {
                    assertTrue(problem.message().contains(file.toString()), "names the jar: " + problem.message());
                }
            } finally {
                if (loader instanceof URLClassLoader closable) {
                    closable.close();
                }
            }
        });
    }
}
