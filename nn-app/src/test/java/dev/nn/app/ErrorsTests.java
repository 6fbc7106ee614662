package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each error is one line on standard error with exit code 2 (usage) or 1 (failure), and leaves no files. */
class ErrorsTests {

    @TempDir
    Path tmp;

    private void assertError(int code, String message, String... args) {
        AppRunner.Result r = AppRunner.run(args);
        assertEquals(message + System.lineSeparator(), r.err());
        assertEquals(code, r.code());
        assertEquals("", r.out());
    }

    @Test
    void unknownFlag() {
        assertError(2, "nn train: unknown option '--bogus' (see 'nn train --help')", "train", "--bogus");
    }

    @Test
    void malformedLayers() {
        assertError(2, "nn train: Invalid value for option '--layers': expected comma-separated positive whole numbers"
                + " such as 784,30,10, got '784,x,10' (see 'nn train --help')", "train", "--layers", "784,x,10");
    }

    @Test
    void negativeEta() {
        assertError(2, "nn train: --eta must be a finite number > 0, got -0.5 (see 'nn train --help')", "train", "--eta",
                "-0.5");
    }

    @Test
    void benchRefusesACustomWorkloadsSettingsWithoutLayers() {
        assertError(2, "nn bench: --train-size is a setting of a custom workload and needs --layers; the named workloads"
                + " keep their own sizes and learning rate (--epochs changes their epochs) (see 'nn bench --help')",
                "bench", "--workload", "c1", "--train-size", "1000");
        assertError(2, "nn bench: --batch-size is a setting of a custom workload and needs --layers; the named workloads"
                + " keep their own sizes and learning rate (--epochs changes their epochs) (see 'nn bench --help')",
                "bench", "--batch-size=100");
    }

    @Test
    void threadCountBelowOne() {
        assertError(2, "nn train: --threads must be >= 1, got 0 (see 'nn train --help')", "train", "--threads", "0");
        assertError(2, "nn evaluate: --threads must be >= 1, got 0 (see 'nn evaluate --help')", "evaluate", "--model",
                "model.json", "--threads", "0");
        assertError(2, "nn sweep: --parallel must be >= 1, got 0 (see 'nn sweep --help')", "sweep", "--out",
                "runs/never", "--parallel", "0", "--grid", "eta=1");
    }

    @Test
    void anOutputActivationTheCostCannotTakeIsRefused() {
        Path out = tmp.resolve("run");
        assertError(2, "nn train: --output-activation relu gives 0.0 at z = -5.0, outside (0, 1), and --cost"
                + " cross-entropy takes the logarithm of the outputs; use sigmoid or softmax (--activation relu sets the"
                + " hidden layers only) (see 'nn train --help')", "train", "--activation", "relu", "--output-activation",
                "relu", "--out", out.toString());
        assertFalse(Files.exists(out), "nothing is written for a usage error");
    }

    @Test
    void aModelThatCannotTakeMnistIsRefusedBeforeMnistIsLoaded() throws IOException {
        Path model = Files.writeString(tmp.resolve("tiny.json"), "{\"sizes\": [2, 1], \"weights\": [[[0.5, 0.5]]],"
                + " \"biases\": [[[0.1]]], \"cost\": \"CrossEntropyCost\"}");
        assertError(2, "nn evaluate: " + model + ": sizes: the network takes 2 inputs and gives 1 outputs; MNIST needs"
                + " 784 inputs (28x28 pixels) and 10 outputs (see 'nn evaluate --help')", "evaluate", "--model",
                model.toString(), "--data", tmp.resolve("no-mnist-here").toString());
    }

    @Test
    void resumeNeedsACheckpointAndTakesTheRunsOwnFlags() throws IOException {
        Path done = Files.createDirectories(tmp.resolve("finished"));
        assertError(1, "nn train: error: " + done.resolve("checkpoint.bin") + ": no checkpoint: the run in " + done
                + " never saved an epoch", "train", "--resume", done.toString());
        Files.writeString(done.resolve("model.json"), "{}");
        assertError(1, "nn train: error: " + done.resolve("checkpoint.bin") + ": no checkpoint: the run in " + done
                + " finished (its model.json is written); there is nothing to resume", "train", "--resume", done.toString());
        Path missing = tmp.resolve("no-run");
        assertError(1, "nn train: error: " + missing + ": no such run directory", "train", "--resume", missing.toString());
        assertError(1, "nn train: error: " + done.resolve("model.json") + ": is a file, not a run directory", "train",
                "--resume", done.resolve("model.json").toString());
        assertError(2, "nn train: --resume continues the run with its own flags; --epochs cannot be given with it (only"
                + " --data and --threads) (see 'nn train --help')", "train", "--resume", done.toString(), "--epochs", "5");
        assertError(2, "nn train: --resume continues the run with its own flags; --lmbda cannot be given with it (only"
                + " --data and --threads) (see 'nn train --help')", "train", "--resume", done.toString(), "--lmbda=5");
    }

    @Test
    void resourcesAreCheckedBeforeAnythingIsAllocated() {
        AppRunner.Result huge = AppRunner.run("train", "--layers", "784,1000000,10");
        assertEquals(2, huge.code());
        assertTrue(huge.err().startsWith("nn train: --layers 784,1000000,10 needs about 44.8 GB to train (794 million"
                + " weights), and Java's heap is "), huge.err());
        int most = 4 * Runtime.getRuntime().availableProcessors();
        assertError(2, "nn train: --threads must be at most 4 x the " + most / 4 + " cores = " + most + ", got 100000"
                + " (see 'nn train --help')", "train", "--threads", "100000");
    }

    @Test
    void unknownFlagsAndCommandsGetSuggestions() {
        assertError(2, "nn train: unknown option '--epoch'; did you mean --epochs? (see 'nn train --help')", "train",
                "--epoch", "3");
        assertError(2, "nn: unknown command 'trian'; did you mean train? (see 'nn --help')", "trian");
    }

    @Test
    void helpOfACommand() {
        AppRunner.Result r = AppRunner.run("help", "train");
        assertEquals(0, r.code(), r.err());
        for (String command : new String[] {"train", "demo", "sweep", "evaluate", "plot", "study", "gradients"}) {
            String help = AppRunner.run(command, "--help").out();
            assertFalse(Pattern.compile("\\.\\R\\s*(json|jsonl|png|svg|csv|bin|md)\\b").matcher(help).find(),
                    "a file name split over two lines:\n" + help);
        }
        assertTrue(r.out().contains("--layers=N,N,..."), r.out());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("Installed: leaky-relu, relu, sigmoid, softmax, tanh."), help);
        assertTrue(help.contains("Installed: momentum, nesterov, sgd."), help);
    }

    @Test
    void expandAllowsFiveTimesTheTrainingImages() {
        Path out = tmp.resolve("run");
        assertError(2, "nn train: --train-size must be at most 250000 with --validation and --expand, got 250001"
                + " (see 'nn train --help')", "train", "--expand", "--validation", "--train-size", "250001", "--out",
                out.toString());
    }

    @Test
    void badEngineFlagsNameTheFlag() {
        Path out = tmp.resolve("run");
        assertError(2, "nn train: --dropout must be a probability in [0, 1), got 1.0 (see 'nn train --help')", "train",
                "--dropout", "1", "--out", out.toString());
        assertError(2, "nn train: --dropout drops hidden units, and --layers 784,10 has no hidden layer (see 'nn train"
                + " --help')", "train", "--layers", "784,10", "--dropout", "0.5", "--out", out.toString());
        assertError(2, "nn train: --momentum must be in [0, 1), got -0.5 (see 'nn train --help')", "train",
                "--momentum", "-0.5", "--out", out.toString());
        assertError(2, "nn train: --optimizer: Unknown update rule 'adam'; known update rules: momentum, nesterov, sgd"
                + " (see 'nn train --help')", "train", "--optimizer", "adam", "--out", out.toString());
        assertError(2, "nn train: --optimizer: update rule 'momentum' has no parameter 'beta'; it takes: mu"
                + " (see 'nn train --help')", "train", "--optimizer", "momentum:beta=0.9", "--out", out.toString());
        assertError(2, "nn train: --momentum sets mu, which update rule 'sgd' does not take; use --optimizer momentum or"
                + " nesterov (see 'nn train --help')", "train", "--optimizer", "sgd", "--momentum", "0.9", "--out",
                out.toString());
        assertFalse(Files.exists(out), "nothing is written for a usage error");
    }

    @Test
    void unknownPluginIdListsTheKnownOnes() {
        Path out = tmp.resolve("run");
        assertError(2, "nn train: Unknown activation 'swish'; known activations: leaky-relu, relu, sigmoid, softmax, tanh"
                + " (see 'nn train --help')", "train", "--activation", "swish", "--out", out.toString());
        assertFalse(Files.exists(out), "nothing is written for a usage error");
    }

    @Test
    void missingDataDirectory() {
        Path missing = tmp.resolve("no-mnist");
        assertError(1, "nn train: error: MNIST directory " + missing + " (from --data) does not exist", "train",
                "--data", missing.toString(), "--out", tmp.resolve("run").toString());
        assertFalse(Files.exists(tmp.resolve("run")), "no run directory, let alone half-written files");
        for (String command : new String[] {"demo", "study", "gradients"}) {
            Path out = tmp.resolve(command).resolve("out");
            String[] args = command.equals("study") ? new String[] {command, "l1-spikes", "--data", missing.toString(),
                "--out", out.toString()} : new String[] {command, "--data", missing.toString(), "--out", out.toString()};
            assertEquals(1, AppRunner.run(args).code(), command);
            assertFalse(Files.exists(tmp.resolve(command)), "nn " + command + " leaves no directory");
        }
    }

    /** A path that is there but of the wrong kind is not described as missing (/dev/zero "did not exist"). */
    @Test
    void aPathOfTheWrongKindIsToldFromAMissingOne() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertError(1, "nn train: error: MNIST directory " + file + " (from --data) is a file; name the directory that"
                + " holds the four MNIST files", "train", "--data", file.toString(), "--out", tmp.resolve("r").toString());
        assertError(2, "nn sweep: --spec " + tmp + ": is a directory, not a sweep spec (see 'nn sweep --help')",
                "sweep", "--spec", tmp.toString(), "--out", tmp.resolve("s").toString());
        assertError(2, "nn plot: " + tmp + ": is a directory with no history.json in it; give a history.json or a"
                + " gradients.csv, or a run's directory (see 'nn plot --help')", "plot", tmp.toString());
        assertError(2, "nn plot: " + tmp.resolve("none") + ": no such file; give a history.json or a gradients.csv, or"
                + " a run's directory (see 'nn plot --help')", "plot", tmp.resolve("none").toString());
        assertError(2, "nn evaluate: " + tmp + ": is a directory with no model.json in it; give a model file or a finished"
                + " run's directory (see 'nn evaluate --help')", "evaluate", "--model", tmp.toString());
        assertError(2, "nn ensemble: " + tmp + ": is a directory with no model.json in it; give a model file or a finished"
                + " run's directory (see 'nn ensemble --help')", "ensemble", tmp.toString(), tmp.toString());
        assertError(2, "nn export onnx: " + tmp + ": is a directory with no model.json in it; give a model file or a"
                + " finished run's directory (see 'nn export onnx --help')", "export", "onnx", tmp.toString(), "--out",
                tmp.resolve("m.onnx").toString());
        assertError(1, "nn evaluate: error: " + file + ": not a model file (it has none of sizes, weights, layers; nn"
                + " train writes one as model.json)", "evaluate", "--model",
                Files.writeString(file, "{\"epochs\": []}").toString());
        if (Files.exists(Path.of("/dev/zero"))) {
            assertError(1, "nn train: error: MNIST directory /dev/zero (from --data) is not a directory (a device or a"
                    + " pipe); name the directory that holds the four MNIST files", "train", "--data", "/dev/zero",
                    "--out", tmp.resolve("r").toString());
        }
        assertError(2, "nn dashboard: " + file + ": is a file; give the directory of runs to show (nn train and nn sweep"
                + " write theirs under runs/) (see 'nn dashboard --help')", "dashboard", file.toString());
        assertError(2, "nn sweep: --summary: " + tmp.resolve("none") + ": no such directory (see 'nn sweep --help')",
                "sweep", "--summary", tmp.resolve("none").toString());
        Path sweep = Files.createDirectories(tmp.resolve("a-sweep"));
        Files.writeString(sweep.resolve("sweep.json"), "{}");
        assertError(1, "nn train: error: " + sweep + ": a sweep's directory, not a run's: run the same nn sweep again"
                + " to finish it, or resume one of its runs in " + sweep.resolve("trials"), "train", "--resume",
                sweep.toString());
        assertFalse(Files.exists(tmp.resolve("r")) || Files.exists(tmp.resolve("s")), "nothing written");
    }

    @Test
    void aMistypedNumberInALayerIsCalledThat() {
        assertError(2, "nn train: --net: layer 1 'conv:x:5': 'x' is not a number (conv takes filters, size) nor an"
                + " activation: Unknown activation 'x'; known activations: leaky-relu, relu, sigmoid, softmax, tanh"
                + " (see 'nn train --help')", "train", "--net", "conv:x:5,softmax:10", "--out", tmp.resolve("r").toString());
        assertFalse(Files.exists(tmp.resolve("r")));
    }

    @Test
    void unwritableOutputDirectory() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertError(1, "nn train: error: cannot write to output directory " + file.resolve("run")
                + ": " + file + " is not a directory", "train", "--out", file.resolve("run").toString());
    }

    /** A paused run resumed with other MNIST files is refused; the same files from another directory go on. */
    @Test
    void resumingWithOtherDataIsRefused() throws IOException {
        Path first = Files.createDirectories(tmp.resolve("mnist-a"));
        dev.nn.data.mnist.testing.IdxFiles.writeAll(first, 300, 100, true);
        Path other = Files.createDirectories(tmp.resolve("mnist-b"));
        dev.nn.data.mnist.testing.IdxFiles.writeAll(other, 300, 99, true);
        Path copy = Files.createDirectories(tmp.resolve("mnist-a-copy"));
        try (var files = Files.list(first)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        // a halving sweep pauses the trials it stops, each with its checkpoint
        Path sweep = tmp.resolve("paused");
        AppRunner.Result r = AppRunner.run("sweep", "--out", sweep.toString(), "--halving", "--grid", "eta=0.5,1,2",
                "--", "--train-size", "100", "--epochs", "3", "--data", first.toString());
        assertEquals(0, r.code(), r.err());
        Path paused;
        try (var trials = Files.list(sweep.resolve("trials"))) {
            paused = trials.filter(t -> Files.exists(t.resolve("checkpoint.bin"))).findFirst().orElseThrow();
        }
        AppRunner.Result refused = AppRunner.run("train", "--resume", paused.toString(), "--data", other.toString());
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().endsWith("nn train: error: " + paused.resolve("checkpoint.bin") + ": the run trained on"
                + " other data than it is given now (other images, labels or counts); resume it with the MNIST files it"
                + " started with" + System.lineSeparator()), refused.err());
        assertTrue(Files.exists(paused.resolve("checkpoint.bin")), "the checkpoint is kept");
        AppRunner.Result same = AppRunner.run("train", "--resume", paused.toString(), "--data", copy.toString(),
                "--quiet");
        assertEquals(0, same.code(), same.err());
    }

    @Test
    void resumingARunWhosePluginsAreMissingNamesThem() throws IOException {
        Path run = Files.createDirectories(tmp.resolve("plugged"));
        dev.nn.run.RunSpec spec = dev.nn.run.RunSpec.builder().activation("softplus").cost("hellinger")
                .regularizer("elastic-net", 0.1).epochs(2).build();
        dev.nn.run.CheckpointFile.write(run, spec.args(), spec, new dev.nn.train.Checkpoint(1, 0, 0.5,
                dev.nn.core.network.Network.of(784, 30, 10).build(), List.of()), new dev.nn.monitor.History("x",
                List.of()), null);
        AppRunner.Result r = AppRunner.run("train", "--resume", run.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("nn train: error: " + run.resolve("checkpoint.bin") + " needs plugins that are not"
                + " installed: activation softplus; cost hellinger; regularizer elastic-net. Put the jars that provide"
                + " them in "), r.err());
    }

    @Test
    void aSweepRefusesFlagsItsTrialsCouldNotHonour() {
        Path out = tmp.resolve("sweep");
        assertError(2, "nn sweep: data is not a flag to sweep: every trial trains on the sweep's MNIST, loaded once;"
                + " give --data after --, or run a sweep per data set (see 'nn sweep --help')", "sweep", "--out",
                out.toString(), "--grid", "data=/a,/b", "--", "--epochs", "1");
        assertError(2, "nn sweep: --threads is not a trial's flag: each trial runs on one thread; --parallel N sets how"
                + " many run at once (see 'nn sweep --help')", "sweep", "--out", out.toString(), "--grid", "eta=0.1",
                "--", "--threads", "2");
        assertError(2, "nn sweep: trial t001-eta=0.1-seed=1: unknown option '--force' (see 'nn sweep --help')", "sweep",
                "--out", out.toString(), "--grid", "eta=0.1", "--", "--force");
        // the grid splits at commas: layer sizes are split by ';'; the flag is named as typed, not as --layer-sizes
        assertError(2, "nn sweep: trial t001-layers=784-seed=1: Invalid value for option '--layers': expected at least"
                + " two comma-separated layer sizes such as 784,30,10, got '784'; a grid of layer sizes puts ';' between"
                + " its values: --grid \"layers=784,30,10;784,100,10\" (see 'nn sweep --help')", "sweep", "--out",
                out.toString(), "--grid", "layers=784,30,10");
        assertError(2, "nn sweep: --grid: expected NAME=V1,V2,..., got 'eta' (see 'nn sweep --help')", "sweep", "--out",
                out.toString(), "--grid", "eta");
        assertFalse(Files.exists(out));
    }

    @Test
    @SuppressWarnings("try") // the lock is held for the block, standing in for another process
    void aSweepThatAnotherProcessDrivesIsRefused() throws Exception {
        Path out = Files.createDirectories(tmp.resolve("busy-sweep"));
        try (dev.nn.run.RunLock held = dev.nn.run.RunLock.take(out)) {
            dev.nn.data.mnist.testing.IdxFiles.writeAll(Files.createDirectories(tmp.resolve("mnist")), 100, 20, true);
            AppRunner.Result r = AppRunner.run("sweep", "--out", out.toString(), "--grid", "eta=0.1", "--", "--epochs",
                    "1", "--data", tmp.resolve("mnist").toString());
            assertEquals(2, r.code());
            assertEquals("nn sweep: " + out + " is being written by another nn process; wait for it, or choose another"
                    + " --out (see 'nn sweep --help')", r.err().trim());
        }
    }

    @Test
    void theVersionNamesTheJavaItRunsOn() {
        AppRunner.Result r = AppRunner.run("--version");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("nn " + dev.nn.app.cli.AppVersion.VERSION, "Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ", " + System.getProperty("java.home") + ")"), r.out().lines().toList());
    }

    @Test
    void stackTraceOnlyWithVerbose() {
        AppRunner.Result r = AppRunner.run("evaluate", "--model", tmp.resolve("none.json").toString(), "--verbose");
        assertEquals(1, r.code());
        assertEquals("nn evaluate: error: " + tmp.resolve("none.json") + ": model file not found",
                r.err().lines().findFirst().orElse(""));
        assertFalse(r.err().lines().count() == 1, "--verbose adds the stack trace");
    }

    @Test
    void unknownSubcommand() {
        assertError(2, "nn: unknown command 'frobnicate'; did you mean evaluate? (see 'nn --help')", "frobnicate");
    }
}
