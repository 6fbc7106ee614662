package dev.nn.app;

import dev.nn.data.mnist.testing.IdxFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app ({@code java -jar nn-app.jar}) with plugin jars: the example project's jar, built
 * by maven-invoker against the staged nn-core, and broken jars made here.
 */
class PluginJarsIntegrationTests {

    @TempDir
    static Path tmp;

    private static Path home;
    private static Path pluginDir;
    private static Path smallMnist;

    /** Output of one app process. */
    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void installTheExamplePlugin() throws IOException {
        home = Files.createDirectories(tmp.resolve("home"));
        pluginDir = Files.createDirectories(home.resolve("plugins"));
        Path example = Path.of(System.getProperty("nn.example.jar"));
        assertTrue(Files.isRegularFile(example), "the example plugin was built: " + example);
        Files.copy(example, pluginDir.resolve(example.getFileName()));
        // the plugins only need some images to train on: a small MNIST of our own, no real files
        smallMnist = Files.createDirectories(tmp.resolve("mnist"));
        IdxFiles.writeAll(smallMnist, 600, 100, true);
    }

    private static Run nn(String... args) throws IOException, InterruptedException {
        return nnAt(home, args);
    }

    /** Runs the app with its home (and so its plugins/ directory) at {@code nnHome}. */
    private static Run nnAt(Path nnHome, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dnn.home=" + nnHome, "-jar", System.getProperty("nn.app.jar")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "nn " + String.join(" ", args) + " finished in time");
        return new Run(p.exitValue(), Files.readString(tmp.resolve("out.txt")), Files.readString(tmp.resolve("err.txt")));
    }

    private static String mnist() {
        return smallMnist.toString();
    }

    @Test
    void pluginsListsTheNineProvidersWithTheirJar() throws Exception {
        Run r = nn("plugins");
        assertEquals(0, r.code(), r.err());
        String jar = pluginDir.resolve("nn-plugin-example-1.0.0.jar").toString();
        for (String line : List.of("activation +softplus +- +com\\.example\\.nnplugin\\.Softplus +",
                "cost +hellinger +- +com\\.example\\.nnplugin\\.HellingerCost +",
                "cost +huber +delta=1 +com\\.example\\.nnplugin\\.HuberCost +",
                "regularizer +elastic-net +- +com\\.example\\.nnplugin\\.ElasticNetRegularizer +",
                "regularizer +unit-max-norm +- +com\\.example\\.nnplugin\\.UnitMaxNormRegularizer +",
                "regularizer +group-lasso +- +com\\.example\\.nnplugin\\.GroupLassoRegularizer +",
                "update rule +adagrad +epsilon=1\\.0E-8 +com\\.example\\.nnplugin\\.AdagradRule +",
                "update rule +adamw +beta1=0\\.9,beta2=0\\.999,epsilon=1\\.0E-8,decay=0\\.01 +com\\.example\\.nnplugin\\.AdamWRule +",
                "layer +gaussian-noise +sigma=0\\.1 +com\\.example\\.nnplugin\\.GaussianNoise +")) {
            assertTrue(r.out().lines().anyMatch(l -> l.matches(line + java.util.regex.Pattern.quote(jar))),
                    line + " in\n" + r.out());
        }
    }

    @Test
    void theHelpListsThePluginIds() throws Exception {
        Run r = nn("train", "--help");
        assertEquals(0, r.code(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Installed: adagrad, adamw, momentum, nesterov, sgd."), help);
        assertTrue(help.contains("Installed: elastic-net, group-lasso, l1, l1-prox, l2, max-norm, unit-max-norm."), help);
    }

    @Test
    void trainsWithThePluginActivationCostAndRegularizer() throws Exception {
        Path out = tmp.resolve("run");
        Run r = nn("train", "--activation", "softplus", "--output-activation", "sigmoid", "--cost", "hellinger",
                "--regularizer", "elastic-net=0.1", "--train-size", "500", "--epochs", "3", "--eta", "0.1", "--data",
                mnist(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String model = Files.readString(out.resolve("model.json"));
        assertTrue(model.contains("\"activations\":[\"softplus\",\"sigmoid\"]"), "model names the plugin ids");
        assertTrue(model.contains("\"regularization\":[{\"id\":\"elastic-net\",\"lambda\":0.1}]"));
        Run eval = nn("evaluate", "--model", out.resolve("model.json").toString(), "--data", mnist());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("softplus -> sigmoid, hellinger"), eval.out());
    }

    @Test
    void aPluginLayerTrainsFromNetAndItsModelNamesTheJarItNeeds() throws Exception {
        Path out = tmp.resolve("noise");
        Run r = nn("train", "--net", "dense:30,gaussian-noise:0.3,dense:10", "--train-size", "500", "--epochs", "3",
                "--data", mnist(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String model = Files.readString(out.resolve("model.json"));
        assertTrue(model.contains("{\"type\":\"gaussian-noise\",\"units\":30,\"sigma\":0.3}"), model.substring(0, 400));
        java.util.regex.Matcher trained = java.util.regex.Pattern.compile("final test accuracy (0\\.\\d+)")
                .matcher(r.out() + r.err());
        assertTrue(trained.find(), r.out() + r.err());

        Run without = nnAt(Files.createDirectories(tmp.resolve("home-without-plugins")), "evaluate", "--model",
                out.resolve("model.json").toString(), "--data", mnist());
        assertEquals(1, without.code(), without.out());
        assertTrue(without.err().contains("needs plugins that are not installed: layer gaussian-noise"), without.err());

        Run with = nn("evaluate", "--model", out.resolve("model.json").toString(), "--data", mnist());
        assertEquals(0, with.code(), with.err());
        assertTrue(with.out().contains("test accuracy " + trained.group(1) + " "), "evaluating the saved model gives"
                + " the training run's final accuracy " + trained.group(1) + ":\n" + with.out());
    }

    /**
     * An outside author's layer, parameterised cost, update rule and per-unit max-norm at once, from
     * nn train's flags: evaluated without the jar, the model names what is missing; with it, it gives
     * the training run's final test cost and accuracy to the last printed digit.
     */
    @Test
    void aLayerACostAnUpdateRuleAndAMaxNormFromTheJarTrainTogetherAndTheModelReproducesTheRun() throws Exception {
        Path out = tmp.resolve("all-four");
        Run r = nn("train", "--net", "dense:30,gaussian-noise:0.3,dense:10", "--cost", "huber:delta=0.3", "--optimizer",
                "adamw:decay=0.05", "--regularizer", "unit-max-norm=2", "--train-size", "500", "--epochs", "3", "--eta",
                "0.01", "--monitor", "--data", mnist(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String model = Files.readString(out.resolve("model.json"));
        assertTrue(model.contains("\"costId\":\"huber:delta=0.3\""), model.substring(0, 400));
        assertTrue(model.contains("\"regularization\":[{\"id\":\"unit-max-norm\",\"lambda\":2.0}]"), model.substring(0, 400));
        dev.nn.monitor.EpochRecord last = dev.nn.monitor.HistoryFiles.readJson(out.resolve("history.json")).last();

        Run without = nnAt(Files.createDirectories(tmp.resolve("home-without-the-four")), "evaluate", "--model",
                out.resolve("model.json").toString(), "--data", mnist());
        assertEquals(1, without.code(), without.out());
        assertTrue(without.err().contains("needs plugins that are not installed: layer gaussian-noise; cost huber;"
                + " regularizer unit-max-norm"), without.err());

        Run with = nn("evaluate", "--model", out.resolve("model.json").toString(), "--data", mnist());
        assertEquals(0, with.code(), with.err());
        assertTrue(with.out().contains(String.format(java.util.Locale.ROOT, "test accuracy %.4f ", last.testAccuracy())),
                last + "\n" + with.out());
        assertTrue(with.out().contains(String.format(java.util.Locale.ROOT, "test cost %.6f (mean huber + unit-max-norm)",
                last.testCost())), last + "\n" + with.out());
    }

    @Test
    void trainsWithThePluginUpdateRuleAndProximalRegularizer() throws Exception {
        Path out = tmp.resolve("adagrad");
        Run r = nn("train", "--optimizer", "adagrad:epsilon=1e-6", "--regularizer", "group-lasso=5", "--dropout", "0.2",
                "--train-size", "500", "--epochs", "3", "--eta", "0.05", "--data", mnist(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String model = Files.readString(out.resolve("model.json"));
        assertTrue(model.contains("\"updateRule\":\"adagrad:epsilon=1.0E-6\""), "model names the rule and its parameter");
        assertTrue(model.contains("\"regularization\":[{\"id\":\"group-lasso\",\"lambda\":5.0}]"), model.substring(0, 400));
        Run eval = nn("evaluate", "--model", out.resolve("model.json").toString(), "--data", mnist());
        assertEquals(0, eval.code(), eval.err());
    }

    /** AdamW from the jar: its step count and the parameter's name come from nn; the model names it. */
    @Test
    void trainsWithThePluginAdamW() throws Exception {
        Path out = tmp.resolve("adamw");
        Run r = nn("train", "--optimizer", "adamw:decay=0.05", "--train-size", "500", "--epochs", "3", "--eta", "0.01",
                "--data", mnist(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String model = Files.readString(out.resolve("model.json"));
        assertTrue(model.contains("\"updateRule\":\"adamw:beta1=0.9,beta2=0.999,epsilon=1.0E-8,decay=0.05\""),
                model.substring(0, 400));
        java.util.regex.Matcher trained = java.util.regex.Pattern.compile("final test accuracy (0\\.\\d+)")
                .matcher(r.out());
        assertTrue(trained.find(), r.out());
        Run eval = nn("evaluate", "--model", out.resolve("model.json").toString(), "--data", mnist());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("test accuracy " + trained.group(1) + " "), eval.out());
    }

    @Test
    void brokenPluginsAreReportedAndTheOthersKeepWorking() throws Exception {
        Path brokenDir = Files.createDirectories(tmp.resolve("broken"));
        Path jar = brokenJar(brokenDir.resolve("broken-plugin.jar"));
        Run r = nn("--plugins", brokenDir.toString(), "plugins");
        assertEquals(1, r.code(), "nn plugins fails when it reported a problem: " + r.err());
        List<String> problems = r.out().lines().dropWhile(l -> !l.startsWith("Problems")).skip(1).map(String::trim)
                .toList();
        assertEquals(List.of(
                "Cannot load activation provider com.example.broken.Missing (declared in " + jar
                        + "): Provider com.example.broken.Missing not found",
                "Cannot load activation provider com.example.broken.Throwing (declared in " + jar
                        + "): Provider com.example.broken.Throwing could not be instantiated:"
                        + " java.lang.IllegalStateException: no license key",
                "Cannot load activation provider com.example.broken.WrongKind (declared in " + jar
                        + "): Provider com.example.broken.WrongKind not a subtype of dev.nn.core.spi.Activation",
                "Cannot use activation provider com.example.broken.UpperCase (from " + jar + "): its id 'LeakyRelu' is"
                        + " not lower-case letters and digits in words joined by '-', such as leaky-relu",
                "Cannot use activation provider com.example.broken.Spaced (from " + jar + "): its id 'leaky relu' is"
                        + " not lower-case letters and digits in words joined by '-', such as leaky-relu",
                "Cannot use activation provider com.example.broken.FakeSigmoid (from " + jar + "): its id 'sigmoid'"
                        + " is the built-in dev.nn.core.plugins.Sigmoid's; choose another id (the built-in stays)"),
                problems);
        assertTrue(r.out().contains("softplus"), "the good plugin jar still loads");

        // the built-in sigmoid, the default, stays: a plain nn train works, warning of the plugin it refused
        Run clash = nn("--plugins", brokenDir.toString(), "train", "--train-size", "300", "--epochs", "1", "--data",
                mnist(), "--out", tmp.resolve("clash").toString());
        assertEquals(0, clash.code(), clash.err());
        assertTrue(clash.err().contains("WARN PluginRegistry: Cannot use activation provider"
                + " com.example.broken.FakeSigmoid"), clash.err());

        Run works = nn("--plugins", brokenDir.toString(), "train", "--activation", "softplus", "--output-activation",
                "softmax", "--cost", "log-likelihood", "--train-size", "300", "--epochs", "1", "--data", mnist(),
                "--out", tmp.resolve("works").toString());
        assertEquals(0, works.code(), works.err());
    }

    @Test
    void filesThatAreNotUsablePluginJarsAreEachReportedInOneLineAndSkipped() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("files"));
        Path example = Path.of(System.getProperty("nn.example.jar"));
        Files.writeString(dir.resolve("notes.txt"), "my plugins\n");
        Files.createFile(dir.resolve("empty.jar"));
        Files.writeString(dir.resolve("garbage.jar"), "not a zip\n");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(dir.resolve("no-entries.jar")))) {
            out.finish();
        }
        // a class compiled for Java 21: the example's softplus with its class file version raised to 65
        byte[] softplus;
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(example.toFile())) {
            softplus = jar.getInputStream(jar.getEntry("com/example/nnplugin/Softplus.class")).readAllBytes();
        }
        softplus[6] = 0;
        softplus[7] = 65;
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(dir.resolve("newer.jar")))) {
            put(out, "META-INF/services/dev.nn.core.spi.Activation",
                    "com.example.nnplugin.Softplus\n".getBytes(StandardCharsets.UTF_8));
            put(out, "com/example/nnplugin/Softplus.class", softplus);
        }
        Files.copy(example, dir.resolve("nn-plugin-example-0.9.jar"));
        Path missing = tmp.resolve("no-such-dir");
        Path file = dir.resolve("notes.txt");
        Run r = nn("--plugins", dir.toString(), "--plugins", missing.toString(), "--plugins", file.toString(),
                "plugins");
        assertEquals(1, r.code(), r.err());
        List<String> problems = r.out().lines().dropWhile(l -> !l.startsWith("Problems")).skip(1).map(String::trim)
                .toList();
        String installed = pluginDir.resolve(example.getFileName()).toString();
        assertEquals(List.of(
                dir.resolve("empty.jar") + ": an empty file (0 bytes), not a jar; skipped",
                dir.resolve("garbage.jar") + ": not a jar (not a zip archive: zip END header not found); skipped",
                dir.resolve("newer.jar") + ": com.example.nnplugin.Softplus needs Java 21 (class file version 65), this"
                        + " is Java " + Runtime.version().feature() + "; skipped",
                dir.resolve("no-entries.jar") + ": an empty jar (no entries); skipped",
                file + ": not a .jar file; skipped (plugins are jars)",
                "plugin directory " + missing + " does not exist; no plugins loaded from it",
                "plugin directory " + file + " is a file, not a directory; no plugins loaded from it",
                dir.resolve("nn-plugin-example-0.9.jar") + " and " + installed + " both provide"
                        + " com.example.nnplugin.ElasticNetRegularizer, com.example.nnplugin.GroupLassoRegularizer,"
                        + " com.example.nnplugin.UnitMaxNormRegularizer, com.example.nnplugin.AdagradRule,"
                        + " com.example.nnplugin.AdamWRule, com.example.nnplugin.Softplus, com.example.nnplugin.GaussianNoise,"
                        + " com.example.nnplugin.HellingerCost, com.example.nnplugin.HuberCost: using nn-plugin-example-1.0.0.jar (version 1.0.0 is"
                        + " newer than 0.9); nn-plugin-example-0.9.jar is skipped"), problems);
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("activation") && l.contains("softplus")
                && l.endsWith(installed)), "the newer copy of the example plugin is the one used:\n" + r.out());
        assertEquals("", r.err(), "nn plugins lists each problem once, on its own list, not again as a warning");
        // every command warns, once per problem, and goes on
        Run train = nn("--plugins", dir.toString(), "train", "--activation", "softplus", "--train-size", "300",
                "--epochs", "1", "--data", mnist(), "--out", tmp.resolve("warned").toString(), "--quiet");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.err().contains("WARN PluginRegistry: " + dir.resolve("garbage.jar") + ": not a jar"),
                train.err());
        assertTrue(!train.err().contains("Exception"), "no stack trace: " + train.err());
    }

    @Test
    void aModelWhosePluginsAreMissingNamesThemAllAndWherePluginsGo() throws Exception {
        Path out = tmp.resolve("needs-plugins");
        Run r = nn("train", "--activation", "softplus", "--output-activation", "sigmoid", "--cost", "hellinger",
                "--regularizer", "elastic-net=0.1", "--train-size", "300", "--epochs", "1", "--data", mnist(), "--out",
                out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dnn.home=" + tmp.resolve("elsewhere"), "-jar", System.getProperty("nn.app.jar"),
                "evaluate", "--model", out.resolve("model.json").toString(), "--data", mnist()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(1, p.exitValue(), text);
        assertEquals("nn evaluate: error: " + out.resolve("model.json") + " needs plugins that are not installed:"
                + " activation softplus; cost hellinger; regularizer elastic-net. Put the jars that provide them in "
                + tmp.resolve("elsewhere").resolve("plugins") + "/ or give --plugins DIR; 'nn plugins' lists what is"
                + " installed\n", text);
    }

    @Test
    void aModularPluginLoadsFromThePluginsDirectoryAndTheAppRunsOnTheModulePath() throws Exception {
        Path modular = Path.of(System.getProperty("nn.modular.jar"));
        assertTrue(Files.isRegularFile(modular), "the modular example was built: " + modular);
        Path dir = Files.createDirectories(tmp.resolve("modular"));
        Files.copy(modular, dir.resolve(modular.getFileName()));
        Run listed = nn("--plugins", dir.toString(), "plugins");
        assertEquals(0, listed.code(), listed.out() + listed.err());
        assertTrue(listed.out().lines().anyMatch(l -> l.matches("activation +swish +- +com\\.example\\.nnswish\\.Swish"
                + " +.*nn-plugin-modular-1\\.0\\.0\\.jar")), listed.out());
        Path classPathRun = tmp.resolve("swish-class-path");
        Run r = nn("--plugins", dir.toString(), "train", "--activation", "swish", "--net", "dense:20,gain:init=0.5,dense:10",
                "--train-size", "300", "--epochs", "2", "--threads", "1", "--data", mnist(), "--out",
                classPathRun.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(classPathRun.resolve("model.json")).contains("{\"type\":\"gain\",\"units\":20,"
                + "\"init\":0.5,\"parameters\":{\"gain\":"), "the gain layer keeps its own block in the model");

        // the same run with nn's jars and the plugin on the module path
        Path app = Path.of(System.getProperty("nn.app.jar"));
        String modulePath = String.join(java.io.File.pathSeparator, app.toString(),
                app.getParent().resolve("lib").toString(), modular.toString());
        Path modulePathRun = tmp.resolve("swish-module-path");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--module-path", modulePath, "-m", "dev.nn.app/dev.nn.app.Main", "train", "--activation", "swish",
                "--net", "dense:20,gain:init=0.5,dense:10", "--train-size", "300", "--epochs", "2", "--threads", "1", "--data", mnist(), "--out",
                modulePathRun.toString(), "--quiet");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), text);
        assertEquals(Files.readString(classPathRun.resolve("model.json")),
                Files.readString(modulePathRun.resolve("model.json")), "the same model on either path");
    }

    /** Compiles the broken providers against the app's nn-core and packs them with their services files. */
    private static Path brokenJar(Path jar) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src/com/example/broken"));
        Map<String, String> sources = Map.of(
                "Throwing", "public class Throwing extends Base { public Throwing() {"
                        + " throw new IllegalStateException(\"no license key\"); } }",
                "FakeSigmoid", "public class FakeSigmoid extends Base { public String id() { return \"sigmoid\"; } }",
                "UpperCase", "public class UpperCase extends Base { public String id() { return \"LeakyRelu\"; } }",
                "Spaced", "public class Spaced extends Base { public String id() { return \"leaky relu\"; } }",
                "WrongKind", "public class WrongKind implements dev.nn.core.spi.Cost {"
                        + " public String id() { return \"wrong\"; }"
                        + " public double value(dev.nn.core.spi.Matrix a, dev.nn.core.spi.Matrix y) { return 0; }"
                        + " public void derivative(dev.nn.core.spi.Matrix a, dev.nn.core.spi.Matrix y,"
                        + " dev.nn.core.spi.Matrix g) { } }",
                "Base", "public class Base implements dev.nn.core.spi.ElementwiseActivation {"
                        + " public String id() { return \"base\"; } public double value(double z) { return z; }"
                        + " public double derivative(double z, double a) { return 1; } }");
        List<String> files = new ArrayList<>();
        for (var e : sources.entrySet()) {
            Path file = src.resolve(e.getKey() + ".java");
            Files.writeString(file, "package com.example.broken;\n" + e.getValue() + "\n");
            files.add(file.toString());
        }
        Path classes = Files.createDirectories(tmp.resolve("classes"));
        Path appLib = Path.of(System.getProperty("nn.app.jar")).getParent().resolve("lib");
        String classpath;
        try (Stream<Path> libs = Files.list(appLib)) {
            classpath = String.join(java.io.File.pathSeparator, libs.map(Path::toString).toList());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath));
        args.addAll(files);
        assertEquals(0, javac.run(null, null, null, args.toArray(new String[0])), "the broken sources compile");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "META-INF/services/dev.nn.core.spi.Activation", String.join("\n",
                    "com.example.broken.Missing", "com.example.broken.Throwing", "com.example.broken.WrongKind",
                    "com.example.broken.UpperCase", "com.example.broken.Spaced", "com.example.broken.FakeSigmoid", "")
                    .getBytes(StandardCharsets.UTF_8));
            for (String name : sources.keySet()) {
                put(out, "com/example/broken/" + name + ".class",
                        Files.readAllBytes(classes.resolve("com/example/broken/" + name + ".class")));
            }
        }
        return jar;
    }

    private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(name));
        ((OutputStream) out).write(bytes);
        out.closeEntry();
    }
}
