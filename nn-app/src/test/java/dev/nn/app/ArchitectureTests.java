package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The app sits on top: no module's main code depends on it, and no two of its classes depend on
 * each other in a circle (a class depends on another it imports or names, annotations included).
 */
class ArchitectureTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noModuleDependsOnTheApp() throws IOException {
        List<String> dependents = new ArrayList<>();
        try (Stream<Path> poms = Files.walk(ROOT, 2)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml")).toList()) {
                // what a pom manages (the parent, the BOM) is no dependency
                String text = Files.readString(pom).replaceAll("(?s)<dependencyManagement>.*?</dependencyManagement>",
                        "");
                Matcher m = Pattern.compile("<dependency>\\s*<groupId>dev\\.nn</groupId>\\s*<artifactId>nn-app"
                        + "</artifactId>(.*?)</dependency>", Pattern.DOTALL).matcher(text);
                while (m.find()) {
                    dependents.add(ROOT.relativize(pom).toString()); // in any scope, tests' included
                }
            }
        }
        assertEquals(List.of(), dependents);
    }

    @Test
    void noClassOfTheAppDependsOnItselfThroughOthers() throws IOException {
        Path src = ROOT.resolve("nn-app/src/main/java");
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals("package-info.java") && !name.equals("module-info.java")) {
                    sources.put(src.relativize(f).toString().replace('/', '.').replaceAll("\\.java$", ""),
                            Files.readString(f));
                }
            }
        }
        Map<String, Set<String>> uses = new HashMap<>();
        for (var e : sources.entrySet()) {
            String self = e.getKey();
            String pkg = self.substring(0, self.lastIndexOf('.'));
            String code = e.getValue().replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
            Set<String> used = new HashSet<>();
            for (String other : sources.keySet()) {
                String simple = other.substring(other.lastIndexOf('.') + 1);
                boolean samePackage = other.substring(0, other.lastIndexOf('.')).equals(pkg);
                if (!other.equals(self) && (code.contains("import " + other + ";") || code.contains(other + ".")
                        || samePackage && Pattern.compile("\\b" + simple + "\\b").matcher(code).find())) {
                    used.add(other);
                }
            }
            uses.put(self, used);
        }
        List<String> circles = new ArrayList<>();
        for (String start : sources.keySet()) {
            for (String next : uses.get(start)) {
                if (reaches(uses, next, start, new HashSet<>())) {
                    circles.add(start + " -> " + next);
                }
            }
        }
        assertEquals(List.of(), circles, "each pair starts a circle back to itself");
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (reaches(uses, next, to, seen)) {
                return true;
            }
        }
        return false;
    }
}
