package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's first build talks as it goes: a line per module as Maven reaches it, with the
 * seconds since the build began, not all at the end. Run against a stand-in for the Maven wrapper
 * that prints a reactor's lines slowly, in a copy of the launcher.
 */
class LauncherTests {

    @TempDir
    Path home;

    @Test
    void theBuildSaysEachModuleAsMavenReachesIt() throws Exception {
        Files.copy(Path.of("..", "nn"), home.resolve("nn"));
        Files.createDirectories(home.resolve("nn-app/src/main"));
        Path marker = home.resolve("maven-finished");
        Files.writeString(home.resolve("mvnw"), String.join("\n",
                "#!/usr/bin/env bash",
                "echo '[INFO] Downloading from central: https://repo.maven.apache.org/x.pom'",
                "echo '[INFO] Building nn core 0.1.0-SNAPSHOT                                   [1/2]'",
                "sleep 3",
                "echo '[INFO] Building nn app 0.1.0-SNAPSHOT                                    [2/2]'",
                "mkdir -p nn-app/target && touch nn-app/target/nn-app.jar",
                "echo '[INFO] BUILD SUCCESS'",
                "touch " + marker,
                ""));
        home.resolve("nn").toFile().setExecutable(true);
        home.resolve("mvnw").toFile().setExecutable(true);
        Process p = new ProcessBuilder("bash", home.resolve("nn").toString(), "--version").directory(home.toFile())
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        boolean coreBeforeMavenFinished = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.contains("building nn core")) {
                    coreBeforeMavenFinished = !Files.exists(marker);
                }
            }
        }
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(lines.get(0).startsWith("nn: building the app (no build of nn-app yet"), String.join("\n", lines));
        List<String> progress = lines.stream().filter(l -> l.startsWith("nn:   ") && !l.contains("Maven itself"))
                .toList();
        assertEquals(4, progress.size(), String.join("\n", lines));
        assertTrue(Pattern.matches("nn:   \\d+ s: fetching Maven's plugins and nn's libraries .*", progress.get(0)));
        assertTrue(Pattern.matches("nn:   \\d+ s: building nn core \\(1 of 2\\)", progress.get(1)), progress.get(1));
        assertTrue(Pattern.matches("nn:   [3-9] s: building nn app \\(2 of 2\\)", progress.get(2)), progress.get(2));
        assertTrue(Pattern.matches("nn:   [3-9] s: built", progress.get(3)), progress.get(3));
        assertTrue(coreBeforeMavenFinished, "the first module's line came while Maven was still building");
    }
}
