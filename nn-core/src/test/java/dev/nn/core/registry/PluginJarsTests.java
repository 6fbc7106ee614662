package dev.nn.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A plugin jar is inspected within bounds: a services entry that inflates far is named and the jar skipped. */
class PluginJarsTests {

    @TempDir
    Path dir;

    @Test
    void aServicesFileThatInflatesFarIsNamedAndItsJarSkipped() throws IOException {
        Path jar = dir.resolve("bomb.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/dev.nn.core.spi.Activation"));
            byte[] zeros = new byte[1 << 16];
            for (int i = 0; i < 17; i++) { // 1.06 MB of zeros, a few KB compressed
                out.write(zeros);
            }
            out.write("com.example.Bomb\n".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        PluginJars jars = PluginJars.scan(List.of(dir), Set.of(dir));
        assertEquals(List.of(jar + ": META-INF/services/dev.nn.core.spi.Activation is more than 1024 KB, and a"
                + " services file lists a few class names; skipped"),
                jars.problems().stream().map(PluginProblem::message).toList());
    }
}
