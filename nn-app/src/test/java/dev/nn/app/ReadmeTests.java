package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of the README and of the manual in {@code docs/} is a whole source file of the
 * build, as printed: the README's {@code Quickstart} and the tour's {@code Overfitting},
 * {@code Gradients} and {@code L1Grid} (compiled with these tests, and run here to give the numbers
 * of the {@code nn} commands they mirror) and the example plugin's classes (compiled and tested by
 * maven-invoker); every relative link of those pages leads to a file; every {@code ./nn} command
 * of the README and the manual parses, flags and values, as {@code nn} parses it.
 */
class ReadmeTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path PLUGIN = Path.of("examples/nn-plugin-example/src/main/java/com/example/nnplugin");

    /** Each page of the manual with the source files its Java blocks are, in order. */
    private static final Map<String, List<Path>> SOURCES = new LinkedHashMap<>();

    static {
        SOURCES.put("README.md", List.of(Path.of("nn-app/src/test/java/Quickstart.java"),
                PLUGIN.resolve("Softplus.java")));
        SOURCES.put("docs/tour.md", List.of(Path.of("nn-app/src/test/java/Overfitting.java"),
                Path.of("nn-app/src/test/java/Gradients.java")));
        SOURCES.put("docs/sweeps.md", List.of(Path.of("nn-app/src/test/java/L1Grid.java")));
        SOURCES.put("docs/onnx.md", List.of(Path.of("nn-app/src/test/java/ServeOnnx.java")));
        SOURCES.put("docs/plugins.md", List.of(PLUGIN.resolve("Softplus.java"), PLUGIN.resolve("AdagradRule.java"),
                Path.of("examples/nn-plugin-modular/src/main/java/module-info.java"),
                Path.of("examples/nn-plugin-example/src/test/java/com/example/nnplugin/AdagradRuleTests.java")));
    }

    /** The Java blocks of a page, each without the indentation of its fence. */
    static List<String> javaBlocks(String page) throws IOException {
        String text = Files.readString(ROOT.resolve(page));
        Matcher m = Pattern.compile("(?m)^( *)```java\\n(.*?)^\\1```$", Pattern.DOTALL).matcher(text);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            String indent = m.group(1);
            StringBuilder block = new StringBuilder();
            for (String line : m.group(2).split("\n", -1)) {
                block.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
            }
            blocks.add(block.substring(0, block.length() - 1));
        }
        return blocks;
    }

    @Test
    void everyJavaBlockIsAWholeSourceFileOfTheBuild() throws IOException {
        try (java.util.stream.Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            List<String> all = new ArrayList<>(List.of("README.md"));
            pages.map(p -> "docs/" + p.getFileName()).filter(p -> p.endsWith(".md")).sorted().forEach(all::add);
            for (String page : all) {
                List<String> blocks = javaBlocks(page);
                List<Path> sources = SOURCES.getOrDefault(page, List.of());
                assertEquals(sources.size(), blocks.size(), page + ": its Java blocks and the files that hold them");
                for (int i = 0; i < blocks.size(); i++) {
                    assertEquals(Files.readString(ROOT.resolve(sources.get(i))), blocks.get(i),
                            page + ": Java block " + (i + 1) + " must be " + sources.get(i) + " as it is");
                }
            }
        }
    }

    /** The README and every page of docs/. */
    private static List<String> pages() throws IOException {
        List<String> all = new ArrayList<>(List.of("README.md"));
        try (java.util.stream.Stream<Path> pages = Files.list(ROOT.resolve("docs"))) {
            pages.map(p -> "docs/" + p.getFileName()).filter(p -> p.endsWith(".md")).sorted().forEach(all::add);
        }
        return all;
    }

    /** The {@code ./nn} commands of a page's shell blocks, continuations joined, each as its words. */
    static List<List<String>> nnCommands(String page) throws IOException {
        List<List<String>> commands = new ArrayList<>();
        String language = null; // inside a block: its language ("" for none); outside: null
        StringBuilder shell = new StringBuilder();
        for (String line : Files.readAllLines(ROOT.resolve(page))) {
            Matcher fence = Pattern.compile("^ *```(\\w*)$").matcher(line);
            if (fence.matches()) {
                language = language == null ? fence.group(1) : null;
                continue;
            }
            if (language == null || !List.of("", "bash", "sh").contains(language)) {
                continue;
            }
            shell.append(line);
            if (line.endsWith("\\")) {
                shell.setLength(shell.length() - 1);
                continue;
            }
            String joined = shell.toString();
            shell.setLength(0);
            int at = joined.indexOf("./nn ");
            // a command: ./nn first on its line, or after variables (NN_MNIST_DIR=... ./nn); not output that names one
            if (at >= 0 && joined.substring(0, at).matches("\\s*([A-Z_][A-Z0-9_]*=\\S*\\s+)*")) {
                String command = joined.substring(at + "./nn ".length()).replaceFirst("\\s+#.*$", "")
                        .split("\\s*(&&|\\||;|>)\\s*")[0];
                commands.add(words(command));
            }
        }
        return commands;
    }

    /** Splits a command line into words as a shell does for plain, single- and double-quoted words. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words;
    }

    @Test
    void everyNnCommandOfTheManualParses() throws IOException {
        int checked = 0;
        for (String page : pages()) {
            for (List<String> command : nnCommands(page)) {
                picocli.CommandLine cli = new picocli.CommandLine(new NnCommand(() -> {
                    throw new AssertionError("parsing needs no context");
                }));
                try {
                    cli.parseArgs(command.toArray(new String[0]));
                } catch (picocli.CommandLine.ParameterException e) {
                    throw new AssertionError(page + ": ./nn " + String.join(" ", command) + ": " + e.getMessage(), e);
                }
                checked++;
            }
        }
        assertTrue(checked > 20, "the manual's commands were found: " + checked);
    }

    @Test
    void everyLinkOfTheManualLeadsToAFile() throws IOException {
        for (String page : pages()) {
            Matcher m = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)").matcher(Files.readString(ROOT.resolve(page)));
            while (m.find()) {
                Path target = ROOT.resolve(page).getParent().resolve(m.group(1)).normalize();
                assertTrue(Files.exists(target), page + " links to " + m.group(1) + ", which is not there");
            }
        }
    }

    @Test
    void theTourSnippetGivesTheNumbersOfItsNnTrainLines(@TempDir Path tmp) throws Exception {
        Path mnist = AppRunner.mnist();
        PrintStream saved = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Class.forName("Overfitting").getMethod("main", String[].class).invoke(null,
                    (Object) new String[] {tmp.toString()});
        } finally {
            System.setOut(saved);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        AppRunner.Result l2 = AppRunner.run("train", "--seed", "3", "--train-size", "1000", "--epochs", "400", "--l2",
                "0.2", "--monitor", "--data", mnist.toString(), "--out", tmp.resolve("l2").toString());
        AppRunner.Result chapter3 = AppRunner.run("train", "--layers", "784,100,10", "--train-size", "1000", "--epochs",
                "10", "--eta", "0.1", "--dropout", "0.5", "--momentum", "0.9", "--regularizer", "l1-prox=0.2", "--data",
                mnist.toString(), "--out", tmp.resolve("chapter3").toString());
        assertTrue(out.contains("L2: final test accuracy " + accuracy(l2.out())), out + "\nnn train: " + l2.out());
        assertTrue(out.contains("chapter 3: final test accuracy " + accuracy(chapter3.out())),
                out + "\nnn train: " + chapter3.out());
        String quickstart = printed("Quickstart");
        assertEquals("final test accuracy " + accuracy(l2.out()) + "\n", quickstart.replace("\r\n", "\n"),
                "the README's Java gives nn train's number");
        assertTrue(Files.exists(tmp.resolve("history.png")));
    }

    @Test
    void theGradientSnippetPrintsTheTableOfNnGradients() throws Exception {
        String java = printed("Gradients");
        AppRunner.Result cli = AppRunner.run("gradients", "--out",
                tmpDir.resolve("gradients").toString());
        assertEquals(0, cli.code(), cli.err());
        assertEquals(cli.out().substring(0, cli.out().indexOf("wrote ")), java);
    }

    @Test
    void theSweepSnippetWritesWhatNnSweepWrites() throws Exception {
        Path java = tmpDir.resolve("java");
        printed("L1Grid", java.toString(), "3");
        Path cli = tmpDir.resolve("cli");
        AppRunner.Result r = AppRunner.run("sweep", "--out", cli.toString(), "--grid", "eta=0.25,0.5", "--grid",
                "l1=0,0.2", "--seeds", "1,2,3", "--", "--layers", "784,30,10", "--train-size", "1000", "--epochs",
                "3", "--monitor"); // MNIST found as the snippet finds it

        assertEquals(0, r.code(), r.err());
        for (String file : List.of("results.csv", "summary.md", "sweep.json")) {
            assertEquals(Files.readString(cli.resolve(file)).replaceAll(",\\d+\\.\\d{3},(\"?)trials/", ",$1trials/"),
                    Files.readString(java.resolve(file)).replaceAll(",\\d+\\.\\d{3},(\"?)trials/", ",$1trials/"), file);
        }
        for (String figure : List.of("test-accuracy.png", "heat-map.png", "test-accuracy.svg", "heat-map.svg")) {
            assertTrue(Files.size(java.resolve(figure)) > 0, figure);
        }
    }

    @TempDir
    Path tmpDir;

    /** Runs the main method of a README class with the real MNIST as the app finds it; returns what it printed. */
    private static String printed(String className, String... args) throws Exception {
        AppRunner.mnist(); // skips (fails under CI) without the real files
        PrintStream saved = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Class.forName(className).getMethod("main", String[].class).invoke(null, (Object) args);
        } finally {
            System.setOut(saved);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static String accuracy(String trainOutput) {
        Matcher m = Pattern.compile("final test accuracy (\\d\\.\\d{4})").matcher(trainOutput);
        assertTrue(m.find(), trainOutput);
        return m.group(1);
    }
}
