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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block of the README is a whole source file of the build, as printed: the tour's
 * {@code Overfitting} (compiled with these tests, and run here to give the numbers the README
 * promises, those of the {@code nn train} lines in its comments) and the example plugin's classes
 * (compiled and tested by maven-invoker).
 */
class ReadmeTests {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<Path> SOURCES = List.of(
            Path.of("nn-app/src/test/java/Overfitting.java"),
            Path.of("nn-app/src/test/java/Gradients.java"),
            Path.of("nn-app/src/test/java/L1Grid.java"),
            Path.of("examples/nn-plugin-example/src/main/java/com/example/nnplugin/Softplus.java"),
            Path.of("examples/nn-plugin-example/src/main/java/com/example/nnplugin/AdagradRule.java"),
            Path.of("examples/nn-plugin-modular/src/main/java/module-info.java"),
            Path.of("examples/nn-plugin-example/src/test/java/com/example/nnplugin/AdagradRuleTests.java"));

    /** The Java blocks of the README, each without the indentation of its fence. */
    static List<String> javaBlocks() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Matcher m = Pattern.compile("(?m)^( *)```java\\n(.*?)^\\1```$", Pattern.DOTALL).matcher(readme);
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
        List<String> blocks = javaBlocks();
        assertEquals(SOURCES.size(), blocks.size(), "the README's Java blocks and the files that hold them");
        for (int i = 0; i < blocks.size(); i++) {
            assertEquals(Files.readString(ROOT.resolve(SOURCES.get(i))), blocks.get(i),
                    "README Java block " + (i + 1) + " must be " + SOURCES.get(i) + " as it is");
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
            assertEquals(Files.readString(cli.resolve(file)).replaceAll(",\\d+\\.\\d{3},trials/", ",trials/"),
                    Files.readString(java.resolve(file)).replaceAll(",\\d+\\.\\d{3},trials/", ",trials/"), file);
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
