package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nn.app.commands.TrainCommand;
import dev.nn.data.mnist.testing.IdxFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * network2.py's flag names take effect: each one, given alone with a value other than the default,
 * reaches the run's recorded configuration in run.json, and every further name of an nn train
 * option is one of the cases here.
 */
class AliasesTests {

    @TempDir
    static Path tmp;

    private static Path mnist;

    /**
     * Each alias with a value unlike its option's default and the run.json config field it must set.
     * (The run trains 784,N,10 on 200 images for one epoch.)
     */
    private static final Map<String, Case> CASES = Map.of(
            "--layer-sizes", new Case("784,20,10", "layers", "[784,20,10]"),
            "--rand-seed", new Case("7", "seed", "7"),
            "--mini-batch-size", new Case("20", "batchSize", "20"),
            "--lmbda", new Case("0.2", "l2", "0.2"),
            "--lmbda-l2", new Case("0.4", "l2", "0.4"),
            "--lmbda-l1", new Case("0.3", "l1", "0.3"),
            "--monitoring", new Case(null, "monitor", "true"));

    private record Case(String value, String field, String json) {
    }

    @BeforeAll
    static void smallMnist() throws Exception {
        mnist = Files.createDirectories(tmp.resolve("mnist"));
        IdxFiles.writeAll(mnist, 200, 50, true);
    }

    static Stream<Arguments> aliases() {
        return CASES.keySet().stream().sorted().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("aliases")
    void theAliasReachesRunJson(String alias) throws Exception {
        Case c = CASES.get(alias);
        Path out = tmp.resolve("run" + alias);
        List<String> args = new ArrayList<>(List.of("train", "--data", mnist.toString(), "--out", out.toString(),
                "--epochs", "1", "--quiet", alias));
        if (c.value() != null) {
            args.add(c.value());
        }
        AppRunner.Result r = AppRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        JsonObject config = JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject()
                .getAsJsonObject("config");
        JsonElement recorded = config.get(c.field());
        assertEquals(JsonParser.parseString(c.json()), recorded, alias + " " + c.value() + " sets " + c.field());
    }

    @Test
    void theAliasAndItsOptionTogetherAreRefused() {
        AppRunner.Result r = AppRunner.run("train", "--l2", "0.1", "--lmbda", "5.0", "--epochs", "0");
        assertEquals(2, r.code());
        assertEquals("nn train: --l2 and --lmbda name the same option; give it once (see 'nn train --help')",
                r.err().trim());
    }

    @Test
    void aBadValueNamesTheFlagAsTyped() {
        AppRunner.Result r = AppRunner.run("train", "--layer-sizes", "784,x,10");
        assertEquals(2, r.code());
        assertEquals("nn train: Invalid value for option '--layer-sizes': expected comma-separated positive whole"
                + " numbers such as 784,30,10, got '784,x,10' (see 'nn train --help')", r.err().trim());
    }

    @Test
    void everyFurtherNameOfATrainOptionIsTestedHere() {
        TreeSet<String> aliases = new TreeSet<>();
        for (CommandLine.Model.OptionSpec option : new CommandLine(new TrainCommand()).getCommandSpec().options()) {
            String[] names = option.names();
            // the first name is the option's own; -h/--help and -V/--version are picocli's
            if (!option.usageHelp() && !option.versionHelp() && names.length > 1) {
                aliases.addAll(Arrays.asList(names).subList(1, names.length));
            }
        }
        assertEquals(new TreeSet<>(CASES.keySet()), aliases);
    }
}
