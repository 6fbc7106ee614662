package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.data.mnist.testing.IdxFiles;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * nn's jars are named modules, and a program of one's own ({@code examples/nn-experiment}, built
 * by maven-invoker) runs the same on the module path and on the class path.
 */
class ModulePathIntegrationTests {

    @TempDir
    Path tmp;

    @Test
    void everyNnJarIsANamedModuleWithItsUsesAndProvides() throws IOException {
        Path app = Path.of(System.getProperty("nn.app.jar"));
        List<Path> jars = new ArrayList<>(List.of(app));
        try (Stream<Path> lib = Files.list(app.getParent().resolve("lib"))) {
            lib.filter(p -> p.getFileName().toString().matches("nn-[a-z-]+-\\d.*\\.jar")).forEach(jars::add);
        }
        Map<String, ModuleDescriptor> modules = new TreeMap<>();
        for (Path jar : jars) {
            for (ModuleReference ref : ModuleFinder.of(jar).findAll()) {
                assertFalse(ref.descriptor().isAutomatic(), jar + " has a module-info");
                modules.put(ref.descriptor().name(), ref.descriptor());
            }
        }
        assertEquals(Set.of("dev.nn.app", "dev.nn.core", "dev.nn.dashboard", "dev.nn.data.mnist", "dev.nn.monitor", "dev.nn.onnx",
                "dev.nn.plot", "dev.nn.run", "dev.nn.sweep", "dev.nn.train"), modules.keySet());
        ModuleDescriptor core = modules.get("dev.nn.core");
        assertEquals(Set.of("dev.nn.core.spi.Activation", "dev.nn.core.spi.Cost", "dev.nn.core.spi.Regularizer",
                "dev.nn.core.spi.UpdateRule", "dev.nn.core.spi.WeightInitializer", "dev.nn.core.layer.LayerType",
                "org.slf4j.spi.SLF4JServiceProvider"), core.uses());
        assertEquals(6, core.provides().size(), "the built-ins of the six plugin kinds");
        Set<String> exported = core.exports().stream().filter(e -> !e.isQualified()).map(e -> e.source())
                .collect(Collectors.toSet());
        assertEquals(Set.of("dev.nn.core.data", "dev.nn.core.io", "dev.nn.core.layer", "dev.nn.core.network",
                "dev.nn.core.registry", "dev.nn.core.spi"), exported, "the API packages, not the kernels or the built-in plugins");
        assertEquals(Set.of(), modules.get("dev.nn.app").exports(), "the app exports nothing; a run is nn-run's");
        assertEquals(Set.of("dev.nn.run", "dev.nn.run.book", "dev.nn.run.options", "dev.nn.run.trials"), modules.get("dev.nn.run").exports()
                .stream().map(e -> e.source()).collect(Collectors.toSet()));
    }

    @Test
    void aProgramOfOnesOwnRunsTheSameOnTheModulePathAndTheClassPath() throws Exception {
        Path target = Path.of(System.getProperty("nn.experiment.dir"));
        Path jar = target.resolve("nn-experiment-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "the example was built: " + jar);
        Path mnist = Files.createDirectories(tmp.resolve("mnist"));
        IdxFiles.writeAll(mnist, 1200, 200, true);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String modules = run(mnist, java, "--module-path", jar + File.pathSeparator + target.resolve("dependency"),
                "-m", "com.example.experiment/com.example.experiment.Experiment");
        String classes = run(mnist, java, "-cp", jar + File.pathSeparator + target.resolve("dependency") + File.separator
                + "*", "com.example.experiment.Experiment");
        assertEquals(3, modules.lines().filter(l -> l.matches("epoch \\d: test accuracy 0\\.\\d{4}")).count(), modules);
        assertEquals(modules, classes);
    }

    private static String run(Path mnist, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("NN_MNIST_DIR", mnist.toString());
        Process p = pb.start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), text);
        return text;
    }
}
