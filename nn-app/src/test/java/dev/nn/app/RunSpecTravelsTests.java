package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.data.mnist.Mnist;
import dev.nn.data.mnist.testing.IdxFiles;
import dev.nn.run.CheckpointFile;
import dev.nn.run.Interrupts;
import dev.nn.run.ResumableRun;
import dev.nn.run.RunSpec;
import dev.nn.run.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's spec, every field away from its default, reaches what each way of running it records:
 * run.json of {@code nn train}, the checkpoint and run.json of a run started from Java, and a sweep
 * trial's run.json. A new field of {@link RunSpec} set in {@link #SPEC} is checked everywhere at once.
 */
class RunSpecTravelsTests {

    @TempDir
    static Path tmp;

    private static Path mnist;

    private static final RunSpec SPEC = RunSpec.builder().layers(784, 20, 10).seed(7).trainSize(200).epochs(2)
            .batchSize(20).eta(0.1).l1(0.001).l2(0.01).regularizer("max-norm", 3).regularizer("l1-prox", 0.001)
            .optimizer("nesterov").momentum(0.5).dropout(0.2).cost("log-likelihood").activation("leaky-relu:slope=0.1")
            .outputActivation("softmax").init("large").monitor(true).expand(true).weightStats(true).earlyStop(4)
            .schedule(true).shuffle(false).penaltiesPerBatch(true).keepBest(true).build();

    @BeforeAll
    static void smallMnist() throws IOException {
        mnist = Files.createDirectories(tmp.resolve("mnist"));
        IdxFiles.writeAll(mnist, 300, 100, true);
    }

    private static RunSpec recorded(Path runDir) throws IOException {
        return RunSpec.fromJson(JsonParser.parseString(Files.readString(runDir.resolve("run.json"))).getAsJsonObject()
                .getAsJsonObject("spec"));
    }

    @Test
    void everyFieldIsANonDefault() {
        RunSpec defaults = RunSpec.builder().build();
        for (var component : RunSpec.class.getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(SPEC);
                Object byDefault = component.getAccessor().invoke(defaults);
                // validation needs all 60000 images (RunSpecTests); net replaces layers and dropout (NET below)
                if (!component.getName().equals("validation") && !component.getName().equals("net")) {
                    assertEquals(false, value.equals(byDefault), component.getName() + " is set in SPEC");
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void nnTrainRecordsItInRunJson() throws IOException {
        Path out = tmp.resolve("train");
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(SPEC.args());
        args.addAll(List.of("--data", mnist.toString(), "--out", out.toString(), "--quiet"));
        AppRunner.Result r = AppRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertEquals(SPEC, recorded(out));
    }

    @Test
    void aRunFromJavaKeepsItInItsCheckpointAndRunJson() throws IOException {
        Path out = tmp.resolve("java");
        TrainingRun run = new TrainingRun(SPEC, 1, mnist, PluginRegistry.load()).validate();
        TrainingRun.Outcome paused = ResumableRun.train(run, out, SPEC.args(), null, Mnist.load(mnist), mnist, "java",
                null, Interrupts.none(), where -> "stopped " + where, 1, null);
        assertEquals(1, paused.result().epochsRun(), "paused after epoch 1 of 2, with its checkpoint");
        assertEquals(SPEC, CheckpointFile.read(out).spec());
        assertEquals(SPEC, recorded(out));
    }

    /** The layers as {@code --net} gives them, with the other fields of {@link #SPEC}. */
    private static final RunSpec NET = SPEC.toBuilder().layers(784, 30, 10).dropout(0).net("dense:20,dropout:0.2,dense:10")
            .build();

    @Test
    void aNetTravelsThroughNnTrainAndACheckpoint() throws IOException {
        Path out = tmp.resolve("net");
        List<String> args = new ArrayList<>(List.of("train"));
        args.addAll(NET.args());
        args.addAll(List.of("--data", mnist.toString(), "--out", out.toString(), "--quiet"));
        AppRunner.Result r = AppRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        assertEquals(NET, recorded(out));
        Path java = tmp.resolve("net-java");
        TrainingRun run = new TrainingRun(NET, 1, mnist, PluginRegistry.load()).validate();
        ResumableRun.train(run, java, NET.args(), null, Mnist.load(mnist), mnist, "java", null, Interrupts.none(),
                where -> "stopped " + where, 1, null);
        assertEquals(NET, CheckpointFile.read(java).spec());
    }

    @Test
    void aSweepTrialRecordsIt() throws IOException {
        Path out = tmp.resolve("sweep");
        List<String> base = new ArrayList<>(SPEC.args());
        int seed = base.indexOf("--seed");
        base.subList(seed, seed + 2).clear();
        List<String> args = new ArrayList<>(List.of("sweep", "--out", out.toString(), "--grid", "eta=0.1", "--seeds",
                "7", "--", "--data", mnist.toString(), "--quiet"));
        base.removeAll(List.of("--eta", "0.1"));
        args.addAll(base);
        AppRunner.Result r = AppRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals(SPEC, recorded(out.resolve("trials").resolve("t001-eta=0.1-seed=7")));
    }
}
