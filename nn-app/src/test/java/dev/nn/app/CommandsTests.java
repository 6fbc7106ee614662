package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.nn.core.io.ModelFile;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.monitor.History;
import dev.nn.monitor.HistoryFiles;
import dev.nn.run.SeedRun;
import dev.nn.run.TrainingRun;
import dev.nn.run.options.TrainingOptions;
import dev.nn.sweep.Sweep;
import dev.nn.sweep.SweepSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every subcommand end to end on a small slice of MNIST, checking the files it writes. */
class CommandsTests {

    @TempDir
    Path tmp;

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertPng(Path png, int width, int height) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(width, image.getWidth());
        assertEquals(height, image.getHeight());
    }

    @Test
    void activationSetsTheHiddenLayersAndTheOutputStaysSigmoid() throws IOException {
        Path out = tmp.resolve("relu");
        AppRunner.Result r = AppRunner.run("train", "--activation", "relu", "--train-size", "1000", "--epochs", "5",
                "--data", AppRunner.mnist().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out.resolve("model.json")).contains("\"activations\":[\"relu\",\"sigmoid\"]"));
        assertTrue(HistoryFiles.readJson(out.resolve("history.json")).last().testAccuracy() > 0.7, r.out());
    }

    @Test
    void aRunDirectoryIsNotReplacedWithoutForce() throws IOException {
        Path out = tmp.resolve("once");
        String[] run = {"--quiet", "train", "--train-size", "100", "--epochs", "1", "--data",
            AppRunner.mnist().toString(), "--out", out.toString()};
        assertEquals(0, AppRunner.run(run).code());
        byte[] model = Files.readAllBytes(out.resolve("model.json"));
        AppRunner.Result again = AppRunner.run(run);
        assertEquals(2, again.code());
        assertEquals("nn train: --out " + out + " already holds files (an earlier run?); choose another directory, or"
                + " add --force to replace them (see 'nn train --help')", again.err().trim());
        assertArrayEquals(model, Files.readAllBytes(out.resolve("model.json")), "the earlier run is untouched");
        List<String> forced = new java.util.ArrayList<>(List.of(run));
        forced.addAll(List.of("--force", "--seed", "4"));
        assertEquals(0, AppRunner.run(forced.toArray(new String[0])).code());
        assertFalse(java.util.Arrays.equals(model, Files.readAllBytes(out.resolve("model.json"))));
    }

    @Test
    void noOutputIntoNothingOrTheRoot() throws IOException {
        AppRunner.Result empty = AppRunner.run("train", "--out", "");
        assertEquals(2, empty.code());
        assertEquals("nn train: --out is empty: name the directory to write to (see 'nn train --help')",
                empty.err().trim());
        Path history = tmp.resolve("history.json");
        HistoryFiles.writeJson(history, new History("x", List.of(new dev.nn.monitor.EpochRecord(1, 0.5, 0.5, 1, 1))));
        AppRunner.Result root = AppRunner.run("plot", "--out", "/", history.toString());
        assertEquals(2, root.code(), root.err());
        assertEquals("nn plot: the output directory would be /, the root of the file system; pass --out DIR (see 'nn"
                + " plot --help')", root.err().trim());
    }

    @Test
    void quietPrintsOnlyTheResults() {
        AppRunner.Result r = AppRunner.run("--quiet", "train", "--train-size", "200", "--epochs", "2", "--data",
                AppRunner.mnist().toString(), "--out", tmp.resolve("quiet").toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertEquals(2, r.out().lines().count(), r.out());
    }

    @Test
    void weightStatsWritesARowPerEpochAndLayer() throws IOException {
        Path out = tmp.resolve("stats");
        AppRunner.Result r = AppRunner.run("train", "--train-size", "200", "--epochs", "2", "--regularizer",
                "l1-prox=0.2", "--weight-stats", "--data", AppRunner.mnist().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("weights.csv"), r.out());
        List<String> lines = Files.readAllLines(out.resolve("weights.csv"));
        assertEquals("epoch,layer,mean_abs,max_abs,fraction_zero,fraction_below_1e-3,sign_flips,large_sign_flips,"
                + "update_norm", lines.get(0));
        assertEquals(List.of("1,1", "1,2", "2,1", "2,2"),
                lines.subList(1, 5).stream().map(l -> l.substring(0, 3)).toList());
        assertEquals(5, lines.size());
    }

    @Test
    void trainWritesHistoryModelPlotsAndConfiguration() throws IOException {
        Path out = tmp.resolve("run");
        AppRunner.Result r = AppRunner.run("train", "--layers", "784,30,10", "--seed", "3", "--train-size", "300",
                "--epochs", "3", "--batch-size", "10", "--eta", "0.5", "--l1", "0", "--l2", "0.2", "--cost",
                "cross-entropy", "--activation", "sigmoid", "--output-activation", "sigmoid", "--monitor", "--data",
                AppRunner.mnist().toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("history.csv", "history.json", "history.png", "history.svg", "model.json", "run.json"),
                names(out));
        History history = HistoryFiles.readJson(out.resolve("history.json"));
        assertEquals(3, history.records().size());
        assertEquals(history, HistoryFiles.readJson(out.resolve("history.json")));
        assertEquals(HistoryFiles.toCsv(history), Files.readString(out.resolve("history.csv")));
        assertPng(out.resolve("history.png"), 1400, 560);
        assertTrue(Files.readString(out.resolve("history.svg")).contains("<svg"));
        var model = ModelFile.read(out.resolve("model.json"), PluginRegistry.load());
        assertEquals("l2", model.regularization().get(0).regularizer().id());
        var run = JsonParser.parseString(Files.readString(out.resolve("run.json"))).getAsJsonObject();
        assertEquals("train", run.getAsJsonArray("command").get(1).getAsString());
        assertEquals(300, run.getAsJsonObject("config").get("trainSize").getAsInt());
        assertTrue(r.out().contains("completed 3 epochs; final test accuracy "), r.out());
        assertTrue(r.err().contains("epoch 3/3 done in"), r.err());

        AppRunner.Result eval = AppRunner.run("evaluate", "--model", out.resolve("model.json").toString(), "--data",
                AppRunner.mnist().toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains(String.format(java.util.Locale.ROOT, "test accuracy %.4f",
                history.last().testAccuracy())), eval.out());
        assertTrue(eval.out().contains(String.format(java.util.Locale.ROOT, "test cost %.6f",
                history.last().testCost())), eval.out());
        double lambda = model.regularization().get(0).lambda();
        assertTrue(eval.out().contains(", cross-entropy, L2 lambda=" + lambda), "names the regularizers: " + eval.out());
        assertTrue(eval.out().contains("(mean cross-entropy + l2)"), eval.out());
        AppRunner.Result byDirectory = AppRunner.run("evaluate", "--model", out.toString(), "--data",
                AppRunner.mnist().toString());
        assertEquals(eval.out(), byDirectory.out(), "the run's directory stands for its model.json");
    }

    @Test
    void sameRunTwiceGivesTheSameHistoryAndModel() throws IOException {
        String[] args = {"train", "--train-size", "200", "--epochs", "2", "--monitor", "--data",
            AppRunner.mnist().toString(), "--out"};
        AppRunner.run(concat(args, tmp.resolve("a").toString(), "--threads", "1"));
        AppRunner.run(concat(args, tmp.resolve("b").toString(), "--threads", "2"));
        assertEquals(Files.readString(tmp.resolve("a/history.json")), Files.readString(tmp.resolve("b/history.json")));
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/model.json")), Files.readAllBytes(tmp.resolve("b/model.json")));
    }

    private static String[] concat(String[] a, String... b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    @Test
    void gradientsPrintsTheTableAndDrawsTheFigure() throws IOException {
        Path out = tmp.resolve("g");
        AppRunner.Result r = AppRunner.run("gradients", "--data", AppRunner.mnist().toString(), "--out", out.toString(),
                "--y-axis", "log");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().split("\\R");
        assertTrue(lines[0].matches("epoch +batch +layer 1 +layer 2 +layer 3 +layer 4 +layer 5 +layer 6"), lines[0]);
        assertTrue(lines[10].startsWith("    1    10 "), lines[10]);
        assertEquals(List.of("gradients.csv", "gradients.png", "gradients.svg"), names(out));
        assertPng(out.resolve("gradients.png"), 700, 560);
        assertEquals(11, Files.readAllLines(out.resolve("gradients.csv")).size());
        AppRunner.Result again = AppRunner.run("gradients", "--data", AppRunner.mnist().toString(), "--out",
                out.toString(), "--seed", "4");
        assertEquals(2, again.code());
        assertEquals("nn gradients: " + out.resolve("gradients.csv") + " is there already (an earlier nn gradients?);"
                + " give another --out, or add --force to replace it (see 'nn gradients --help')", again.err().trim());
        assertEquals(0, AppRunner.run("gradients", "--data", AppRunner.mnist().toString(), "--out", out.toString(),
                "--seed", "4", "--force").code());
    }

    @Test
    void plotRedrawsFromSavedFiles() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        AppRunner.run("train", "--train-size", "100", "--epochs", "2", "--data", AppRunner.mnist().toString(), "--out",
                a.toString());
        AppRunner.run("train", "--train-size", "100", "--epochs", "2", "--l2", "0.5", "--data",
                AppRunner.mnist().toString(), "--out", b.toString());
        byte[] drawn = Files.readAllBytes(a.resolve("history.png"));
        Files.write(a.resolve("history.png"), new byte[] {1, 2, 3});
        AppRunner.Result refused = AppRunner.run("plot", a.resolve("history.json").toString());
        assertEquals(2, refused.code());
        assertEquals("nn plot: " + a.resolve("history.png") + " is there already; give --out DIR to draw elsewhere, or"
                + " add --force to replace it (see 'nn plot --help')", refused.err().trim());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(a.resolve("history.png")), "nothing replaced");
        AppRunner.Result one = AppRunner.run("plot", "--force", a.resolve("history.json").toString());
        assertEquals(0, one.code(), one.err());
        assertArrayEquals(drawn, Files.readAllBytes(a.resolve("history.png")), "the same figure as nn train's");
        Path cmp = tmp.resolve("cmp");
        AppRunner.Result two = AppRunner.run("plot", a.resolve("history.json").toString(),
                b.resolve("history.json").toString(), "--out", cmp.toString());
        assertEquals(0, two.code(), two.err());
        assertEquals(List.of("comparison.png", "comparison.svg"), names(cmp));
        AppRunner.Result shared = AppRunner.run("plot", a.resolve("history.json").toString(),
                b.resolve("history.json").toString());
        assertEquals(0, shared.code(), shared.err());
        assertTrue(Files.exists(tmp.resolve("comparison.png")), "written where both runs live");
        // two runs of the same label (no regularization) are drawn side by side (it was the chart library's error)
        Path c = tmp.resolve("c");
        Files.createDirectories(c);
        Files.copy(a.resolve("history.json"), c.resolve("history.json"));
        Path same = tmp.resolve("same");
        AppRunner.Result alike = AppRunner.run("plot", a.resolve("history.json").toString(),
                c.resolve("history.json").toString(), "--out", same.toString());
        assertEquals(0, alike.code(), alike.err());
        assertEquals(List.of("comparison.png", "comparison.svg"), names(same));
        assertEquals(List.of("eta 0.25, seed 2", "", "regularizer l1-prox=0.2"),
                dev.nn.app.commands.PlotCommand.namesByDifferingFlags(List.of(
                        List.of("--epochs", "30", "--eta", "0.25", "--seed", "2", "--monitor"),
                        List.of("--epochs", "30", "--monitor"),
                        List.of("--epochs", "30", "--regularizer", "l1-prox=0.2", "--monitor"))),
                "two runs of one label named by the flags that tell them apart");
        assertEquals(null, dev.nn.app.commands.PlotCommand.namesByDifferingFlags(List.of(List.of("--epochs", "3"),
                List.of("--epochs", "3"))), "runs alike: their directories name them");
        AppRunner.Result log = AppRunner.run("plot", "--y-axis", "log", "--out", cmp.toString(),
                a.resolve("history.json").toString());
        assertEquals("nn plot: --y-axis is for a gradient table (gradients.csv); the figures of history.json files have"
                + " linear axes (see 'nn plot --help')", log.err().trim());
    }

    @Test
    void pluginsListsTheBuiltIns() {
        AppRunner.Result r = AppRunner.run("plugins");
        assertEquals(0, r.code());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("activation +relu +- +dev\\.nn\\.core\\.plugins\\.Relu +\\S+")),
                r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("update rule +momentum +mu=0\\.9 +dev\\.nn\\.core\\.plugins"
                + "\\.MomentumRule +\\S+")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("layer +dropout +p=0\\.5,inverted=1 +dev\\.nn\\.core\\.plugins\\.layers\\.DropoutType +\\S+")),
                r.out());
        assertEquals(24, r.out().lines().count(), "a header, eighteen built-in plugins and five layer types");
    }

    @Test
    void demoRunsTheSeedsFourRunsAsASweep() throws IOException {
        Path out = tmp.resolve("demo");
        AppRunner.Result r = AppRunner.run("demo", "--epochs", "2", "--data", AppRunner.mnist().toString(), "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(List.of("comparison.png", "comparison.svg", "journal.jsonl", "results.csv", "summary.md",
                "sweep.json", "test-accuracy.png", "test-accuracy.svg", "trials"), names(out));
        Path trials = out.resolve("trials");
        assertEquals(List.of("l1", "l1-prox", "l2", "none"), names(trials));
        assertTrue(r.err().lines().anyMatch(l -> l.matches("demo: 1/4 done, 0 failed, \\d running, \\d+:\\d\\d left: .*")),
                r.err());
        assertEquals("L1 lambda=0.2", HistoryFiles.readJson(trials.resolve("l1/history.json")).label());
        assertEquals("l1-prox lambda=0.2", HistoryFiles.readJson(trials.resolve("l1-prox/history.json")).label());
        assertTrue(Files.readString(trials.resolve("l1-prox/run.json")).contains("\"l1-prox\": 0.2"));
        for (String l1 : List.of("l1", "l1-prox")) {
            assertTrue(Files.exists(trials.resolve(l1 + "/weights.csv"))
                    && Files.exists(trials.resolve(l1 + "/weights.png")), l1);
        }
        assertFalse(Files.exists(trials.resolve("l2/weights.csv")));
        assertTrue(r.out().contains("spikes"), r.out());
        assertTrue(r.out().contains("no regularization"), r.out());
        assertTrue(Files.readString(out.resolve("results.csv")).contains("regularization"));
    }

    /** The demo's runs are the seed's runs: the same spec as {@link SeedRun#spec} makes, so the same bits. */
    @Test
    void theDemosRunsAreTheSeedRuns() throws IOException {
        Path out = tmp.resolve("demo-spec");
        assertEquals(0, AppRunner.run("demo", "--epochs", "1", "--data", AppRunner.mnist().toString(), "--out",
                out.toString()).code());
        SweepSpec spec = Sweep.specIn(out);
        assertEquals(List.of(SeedRun.spec(3, 1, 0.5, 0, 0, 0, false), SeedRun.spec(3, 1, 0.5, 0, 0.2, 0, false),
                SeedRun.spec(3, 1, 0.5, 0.2, 0, 0, true), SeedRun.spec(3, 1, 0.5, 0, 0, 0.2, true)),
                spec.trials().stream().map(t -> new TrainingRun(TrainingOptions.parse(t.args()), PluginRegistry.load())
                        .validate().spec()).toList());
    }

    @Test
    void demoKeepsTheRunsItFinished() throws IOException {
        Path out = tmp.resolve("demo-twice");
        String[] demo = {"demo", "--epochs", "2", "--data", AppRunner.mnist().toString(), "--out", out.toString()};
        assertEquals(0, AppRunner.run(demo).code());
        byte[] model = Files.readAllBytes(out.resolve("trials/l2/model.json"));
        AppRunner.Result again = AppRunner.run(demo);
        assertEquals(0, again.code(), again.err());
        assertFalse(again.err().contains("done"), "nothing trained again: " + again.err());
        assertArrayEquals(model, Files.readAllBytes(out.resolve("trials/l2/model.json")));
        AppRunner.Result longer = AppRunner.run("demo", "--epochs", "3", "--data", AppRunner.mnist().toString(),
                "--out", out.toString());
        assertEquals(2, longer.code(), "other flags: refused");
        assertEquals("nn demo: " + out + " holds another sweep: base flags --epochs 3 (was 2); use another --out, or"
                + " add --force to replace it (see 'nn demo --help')", longer.err().trim());
        assertArrayEquals(model, Files.readAllBytes(out.resolve("trials/l2/model.json")), "nothing replaced");
        Files.writeString(out.resolve("notes.txt"), "mine");
        AppRunner.Result forced = AppRunner.run("demo", "--epochs", "3", "--force", "--data",
                AppRunner.mnist().toString(), "--out", out.toString());
        assertEquals(0, forced.code(), forced.err());
        assertEquals(4, forced.err().lines().filter(l -> l.startsWith("demo: ") && l.contains(" done, ")).count(),
                "--force: trained again: " + forced.err());
        assertEquals(3, HistoryFiles.readJson(out.resolve("trials/l2/history.json")).records().size());
        assertEquals("mine", Files.readString(out.resolve("notes.txt")), "a user's file stays");
    }

    @Test
    void sweepRunsTheGridKeepsFailuresInTheirTrialAndFinishesWhenRunAgain() throws IOException {
        Path out = tmp.resolve("sweep");
        String[] sweep = {"sweep", "--out", out.toString(), "--grid", "eta=0.5,0.25", "--grid", "batch-size=10,0",
            "--seeds", "1", "--parallel", "2", "--", "--train-size", "200", "--epochs", "2", "--data",
            AppRunner.mnist().toString()};
        AppRunner.Result r = AppRunner.run(sweep);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 trials: 2 ok, 2 failed"), r.out());
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("sweep: 1/4 done, ") && l.contains(" failed, 2 running, ")),
                "two workers, and trials left for both: " + r.err());
        assertPng(out.resolve("test-accuracy.png"), 900, 640);
        assertTrue(Files.size(out.resolve("test-accuracy.svg")) > 0);
        assertPng(out.resolve("heat-map.png"), 800, 600);
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        assertEquals(5, csv.size());
        assertTrue(csv.get(2).startsWith("t002-eta=0.5-batch-size=0-seed=1,failed,0.5,0,1,"), csv.get(2));
        assertTrue(csv.get(2).endsWith(",\"--batch-size must be >= 1, got 0\""), csv.get(2));
        assertTrue(Files.readString(out.resolve("summary.md")).contains("| eta=0.5 batch-size=10 | 1 |"));
        AppRunner.Result trial = AppRunner.run("train", "--train-size", "200", "--epochs", "2", "--data",
                AppRunner.mnist().toString(), "--eta", "0.25", "--batch-size", "10", "--seed", "1", "--out",
                tmp.resolve("alone").toString());
        assertEquals(0, trial.code(), trial.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("alone/history.json")),
                Files.readAllBytes(out.resolve("trials/t003-eta=0.25-batch-size=10-seed=1/history.json")),
                "a trial is nn train with its flags, bit for bit");
        AppRunner.Result summary = AppRunner.run("sweep", "--summary", out.toString());
        assertEquals(0, summary.code(), summary.err());
        assertEquals(Files.readString(out.resolve("summary.md")), summary.out());
        AppRunner.Result noSweep = AppRunner.run("sweep", "--summary", tmp.toString());
        assertEquals(2, noSweep.code());
        assertTrue(noSweep.err().contains("--summary: " + tmp + " holds no sweep (no sweep.json)"), noSweep.err());
        List<String> journal = Files.readAllLines(out.resolve("journal.jsonl"));
        AppRunner.Result again = AppRunner.run(sweep);
        assertEquals(0, again.code(), again.err());
        assertEquals(journal, Files.readAllLines(out.resolve("journal.jsonl")), "nothing left to run");
        AppRunner.Result fromSpec = AppRunner.run("sweep", "--out", tmp.resolve("spec").toString(), "--spec",
                out.resolve("sweep.json").toString());
        assertEquals(0, fromSpec.code(), fromSpec.err());
        assertEquals(Files.readString(out.resolve("sweep.json")), Files.readString(tmp.resolve("spec/sweep.json")));
        assertEquals(Files.readString(out.resolve("results.csv")).replaceAll(",\\d+\\.\\d{3},(\"?)trials/", ",$1"),
                Files.readString(tmp.resolve("spec/results.csv")).replaceAll(",\\d+\\.\\d{3},(\"?)trials/", ",$1"),
                "--spec runs what the flags ran");
        AppRunner.Result both = AppRunner.run("sweep", "--out", tmp.resolve("both").toString(), "--spec",
                out.resolve("sweep.json").toString(), "--seeds", "2");
        assertEquals(2, both.code());
        assertTrue(both.err().contains("give --grid, --seeds, --repeats, --halving and -- flags in it, not beside it"),
                both.err());
        AppRunner.Result bad = AppRunner.run("sweep", "--out", tmp.resolve("bad").toString(), "--spec",
                out.resolve("summary.md").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("nn sweep: --spec " + out.resolve("summary.md") + ": not a JSON object: "),
                bad.err());
        Path latin1 = Files.write(tmp.resolve("latin1.json"), new byte[] {'{', '"', (byte) 0xe9, '"', '}'});
        AppRunner.Result notUtf8 = AppRunner.run("sweep", "--out", tmp.resolve("bad").toString(), "--spec",
                latin1.toString());
        assertEquals("nn sweep: --spec " + latin1 + ": not UTF-8 text, not a sweep spec (see 'nn sweep --help')",
                notUtf8.err().trim(), "it was a bare 'Input length = 1'");
        AppRunner.Result changed = AppRunner.run("sweep", "--out", out.toString(), "--grid", "eta=0.5", "--seeds", "1",
                "--", "--train-size", "200", "--epochs", "2", "--data", AppRunner.mnist().toString());
        assertEquals(2, changed.code());
        assertTrue(changed.err().contains("holds another sweep: grid eta=0.5 was eta=0.5,0.25 batch-size=10,0"),
                changed.err());
    }

    @Test
    void sweepHalvingPausesTheTrialsAtRungsAndRunsTheBestOn() throws IOException {
        Path out = tmp.resolve("halving");
        List<String> base = List.of("--train-size", "200", "--epochs", "9", "--data", AppRunner.mnist().toString());
        List<String> sweep = new java.util.ArrayList<>(List.of("sweep", "--out", out.toString(), "--halving",
                "--grid", "eta=0.05,0.5,3,30", "--seeds", "1", "--parallel", "2", "--"));
        sweep.addAll(base);
        AppRunner.Result r = AppRunner.run(sweep.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("4 trials in rungs of 3, 9 epochs (successive halving, reduction factor 3)"),
                r.err());
        assertTrue(r.err().contains("sweep: rung 1 (3 epochs) done: 1 trial goes on, 3 stop"), r.err());
        assertTrue(Files.readString(out.resolve("sweep.json")).contains("\"rate\": 3"));
        List<String> csv = Files.readAllLines(out.resolve("results.csv"));
        List<String> last = csv.stream().filter(line -> line.contains(",ok,") && line.contains(",9,2,")).toList();
        assertEquals(1, last.size(), String.join("\n", csv));
        String winner = last.get(0).substring(0, last.get(0).indexOf(','));
        String winnerEta = winner.replaceFirst("^t00\\d-eta=", "").replaceFirst("-seed=1$", "");
        // the trial that went on is nn train with its flags, bit for bit
        List<String> alone = new java.util.ArrayList<>(List.of("train", "--out", tmp.resolve("alone").toString()));
        alone.addAll(base);
        alone.addAll(List.of("--eta", winnerEta, "--seed", "1"));
        AppRunner.Result trial = AppRunner.run(alone.toArray(String[]::new));
        assertEquals(0, trial.code(), trial.err());
        assertArrayEquals(Files.readAllBytes(tmp.resolve("alone/history.json")),
                Files.readAllBytes(out.resolve("trials").resolve(winner).resolve("history.json")));
        // a trial stopped at the first rung has its files as far as it got and a checkpoint to go on from
        String stopped = csv.stream().filter(line -> line.contains(",3,1,")).findFirst().orElseThrow();
        Path stoppedDir = out.resolve("trials").resolve(stopped.substring(0, stopped.indexOf(',')));
        assertEquals(3, HistoryFiles.readJson(stoppedDir.resolve("history.json")).records().size());
        assertTrue(Files.exists(stoppedDir.resolve("checkpoint.bin")));
        assertTrue(Files.readString(stoppedDir.resolve("run.json")).contains("paused after epoch 3 of 9"));
        AppRunner.Result goOn = AppRunner.run("train", "--resume", stoppedDir.toString(), "--quiet");
        assertEquals(0, goOn.code(), goOn.err());
        assertEquals(9, HistoryFiles.readJson(stoppedDir.resolve("history.json")).records().size());
        assertTrue(Files.readString(out.resolve("summary.md")).contains("## Successive halving"));
    }

    @Test
    void aSweepOfValidationRunsSaysItMeasuredTheValidationData() {
        Path out = tmp.resolve("validated-sweep");
        AppRunner.Result r = AppRunner.run("sweep", "--out", out.toString(), "--grid", "eta=0.5", "--", "--train-size",
                "100", "--epochs", "1", "--validation", "--data", AppRunner.mnist().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().lines().anyMatch(l -> l.matches("sweep: 1/1 done, 0 failed, 0 running, .* left: t001-eta=0.5"
                + "-seed=\\d+ ok, final validation accuracy 0\\.\\d{4}")), r.err());
    }

    @Test
    void sweepAshaRunsItsRungsSideBySideTheSameAtAnyParallelism() throws IOException {
        List<String> base = List.of("--", "--train-size", "200", "--epochs", "9", "--data", AppRunner.mnist().toString());
        List<String> rows = null;
        for (String parallel : List.of("2", "1")) {
            Path out = tmp.resolve("asha-" + parallel);
            List<String> sweep = new java.util.ArrayList<>(List.of("sweep", "--out", out.toString(), "--asha",
                    "--max-trials", "6", "--grid", "eta=0.05,0.5,3,30", "--seeds", "1,2", "--parallel", parallel));
            sweep.addAll(base);
            AppRunner.Result r = AppRunner.run(sweep.toArray(String[]::new));
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("6 trials in rungs of 3, 9 epochs (asynchronous successive halving, reduction"
                    + " factor 3, reproducible), " + parallel + " at a time"), r.err());
            assertTrue(r.err().lines().anyMatch(l -> l.matches("sweep: \\d+/\\d+ done, 0 failed, \\d running, .* left: t00\\d"
                    + "-eta=[0-9.]+-seed=\\d ok, test accuracy 0\\.\\d{4} after 3 epochs")), r.err());
            List<String> csv = Files.readAllLines(out.resolve("results.csv")).stream()
                    .map(l -> l.replaceAll(",\\d+\\.\\d{3},(\"?)trials/", ",S,$1trials/")).toList();
            assertEquals(7, csv.size(), "the first 6 of the 8 trials: " + csv);
            assertTrue(csv.get(0).contains(",epochs_run,rung,"), csv.get(0));
            assertTrue(csv.stream().anyMatch(l -> l.contains(",ok,") && l.contains(",9,2,")), String.join("\n", csv));
            if (rows == null) {
                rows = csv;
            } else {
                assertEquals(rows, csv, "--parallel 1 gives the rows of --parallel 2");
            }
            assertTrue(Files.readString(out.resolve("summary.md")).contains("## Asynchronous successive halving (ASHA)"));
            assertTrue(Files.readString(out.resolve("journal.jsonl")).contains("{\"promote\":\"t00"));
        }
    }

    @Test
    void sweepRetryFailedRunsTheFailedTrialsAgainAndRepeatsDeriveSeeds() throws IOException {
        Path out = tmp.resolve("retry");
        String[] sweep = {"sweep", "--out", out.toString(), "--grid", "eta=0.5,0.25", "--repeats", "2", "--seeds", "7",
            "--parallel", "2", "--", "--train-size", "200", "--epochs", "2", "--data", AppRunner.mnist().toString()};
        // a file where a trial's run directory goes: that trial fails, as on a disk that fills up
        Path blocked = Files.createDirectories(out.resolve("trials")).resolve("t002-eta=0.5-seed=8");
        Files.writeString(blocked, "in the way");
        AppRunner.Result r = AppRunner.run(sweep);
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("4 trials: 3 ok, 1 failed"), r.out());
        assertTrue(Files.readString(out.resolve("sweep.json")).contains("\"seeds\": [\n    7,\n    8\n  ]"));
        AppRunner.Result again = AppRunner.run(sweep);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("4 trials: 3 ok, 1 failed"), "a failed trial stays failed: " + again.out());
        Files.delete(blocked);
        List<String> withRetry = new java.util.ArrayList<>(List.of(sweep));
        withRetry.add(3, "--retry-failed");
        AppRunner.Result retried = AppRunner.run(withRetry.toArray(String[]::new));
        assertEquals(0, retried.code(), retried.err());
        assertEquals(List.of("t002-eta=0.5-seed=8"), retried.err().lines().filter(l -> l.startsWith("sweep: "))
                .map(l -> l.replaceFirst(".* left: ", "").replaceFirst(" .*", "")).toList(), retried.err());
        assertTrue(retried.out().contains("4 trials: 4 ok, 0 failed"), retried.out());
        assertTrue(retried.err().contains("sweep: 4/4 done, 0 failed, 0 running, "), "the retried failure is not"
                + " counted as failed: " + retried.err());
        assertTrue(Files.readString(out.resolve("journal.jsonl")).contains("{\"retry\":\"t002-eta=0.5-seed=8\"}"));
    }

    @Test
    void sweepAshaFlagsSayWhatTheyNeed() {
        String out = tmp.resolve("asha-flags").toString();
        String mnist = AppRunner.mnist().toString();
        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("nn sweep: --max-trials is for --asha", List.of("--max-trials", "3"));
        cases.put("nn sweep: --fastest is for --asha", List.of("--fastest"));
        cases.put("nn sweep: --fastest and --reproducible are the two modes of --asha: give one",
                List.of("--asha", "--fastest", "--reproducible"));
        cases.put("nn sweep: --halving and --asha are two ways to stop trials early: give one",
                List.of("--asha", "--halving"));
        cases.put("nn sweep: --max-trials 5: the sweep has 4 trials (the grid's points times the random points times"
                + " the seeds)", List.of("--asha", "--max-trials", "5"));
        cases.put("nn sweep: --asha 1: expected a reduction factor of at least 2 (3 when not given)",
                List.of("--asha", "1"));
        cases.put("nn sweep: --repeats 2 derives the seeds from one first seed: give --seeds S with one seed, or"
                + " --seeds alone", List.of("--repeats", "2", "--seeds", "1,2"));
        cases.forEach((message, flags) -> {
            List<String> args = new java.util.ArrayList<>(List.of("sweep", "--out", out, "--grid", "eta=0.5,1,2,3"));
            args.addAll(flags);
            args.addAll(List.of("--", "--epochs", "2", "--data", mnist));
            AppRunner.Result r = AppRunner.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), r.err());
            assertEquals(message + " (see 'nn sweep --help')", r.err().trim());
        });
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void sweepSaysWhenAnEngineIsNotThere() {
        String out = tmp.resolve("engines").toString();
        AppRunner.Result spark = AppRunner.run("sweep", "--engine", "spark", "--out", out, "--grid", "eta=1", "--",
                "--epochs", "1", "--data", AppRunner.mnist().toString());
        assertEquals(2, spark.code());
        assertTrue(spark.err().startsWith("nn sweep: --engine spark: the Spark engine is not on the class path; ./nn"
                + " builds and adds it (nn-spark) when given --engine spark"), spark.err());
        AppRunner.Result other = AppRunner.run("sweep", "--engine", "flink", "--out", out, "--grid", "eta=1");
        assertEquals(2, other.code());
        assertTrue(other.err().startsWith("nn sweep: --engine flink: unknown; expected local"), other.err());
        AppRunner.Result master = AppRunner.run("sweep", "--master", "local[2]", "--out", out, "--grid", "eta=1");
        assertEquals(2, master.code());
        assertTrue(master.err().startsWith("nn sweep: --master is for --engine spark"), master.err());
    }

    @Test
    void aSweepWhoseEveryTrialFailedIsAnError() throws IOException {
        Path out = tmp.resolve("all-failed");
        AppRunner.Result r = AppRunner.run("sweep", "--out", out.toString(), "--grid", "batch-size=0,-1", "--seeds", "1",
                "--", "--train-size", "200", "--epochs", "1", "--data", AppRunner.mnist().toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("nn sweep: error: every one of the 2 trials failed (the first: --batch-size must be"
                + " >= 1, got 0); results.csv and summary.md in " + out + " list them"), r.err());
        assertEquals(3, Files.readAllLines(out.resolve("results.csv")).size(), "both failures recorded");
    }

    @Test
    void sweepStopsAfterMaxFailuresInARowAndSaysHowToGoOn() throws IOException {
        Path out = tmp.resolve("failing");
        String[] sweep = {"sweep", "--out", out.toString(), "--grid", "batch-size=0,-1,10", "--seeds", "1",
            "--parallel", "1", "--max-failures", "2", "--", "--train-size", "200", "--epochs", "1", "--data",
            AppRunner.mnist().toString()};
        AppRunner.Result r = AppRunner.run(sweep);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("nn sweep: error: stopped after 2 failed trials in a row (--max-failures 2); 2 of 3"
                + " trials done, in results.csv; run the same command again to run the rest"), r.err());
        assertTrue(r.err().contains("sweep: 2/3 done, 2 failed, 0 running, "), r.err());
        assertEquals(3, Files.readAllLines(out.resolve("results.csv")).size(), "the header and the two failed trials");
        AppRunner.Result again = AppRunner.run(sweep);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("sweep: 3/3 done, 2 failed, 0 running, 0:00 left: t003-batch-size=10-seed=1 ok"),
                again.err());
        assertEquals(4, Files.readAllLines(out.resolve("results.csv")).size());
    }

    @Test
    void aSweepsBaseFlagsTakeTheProgramsQuiet() throws IOException {
        Path out = tmp.resolve("quiet-sweep");
        AppRunner.Result r = AppRunner.run("sweep", "--out", out.toString(), "--grid", "eta=0.5,0.25", "--seeds", "1",
                "--", "--quiet", "--train-size", "100", "--epochs", "1", "--data", AppRunner.mnist().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "--quiet: no progress");
        assertTrue(r.out().contains("2 trials: 2 ok, 0 failed"), r.out());
        assertFalse(Files.readString(out.resolve("sweep.json")).contains("--quiet"), "not a trial's flag");
    }

    @Test
    void studyL1SpikesWritesEveryRunAndItsReport() throws IOException {
        Path out = tmp.resolve("study");
        AppRunner.Result r = AppRunner.run("study", "l1-spikes", "--epochs", "2", "--seeds", "1", "--data",
                AppRunner.mnist().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        // one seed: the runs are named by their variants alone (with several, l1-seed=3 and so on)
        assertEquals(List.of("l1", "l1-eta-0.25", "l1-lambda-0.05", "l1-prox"), names(out.resolve("trials")));
        assertTrue(names(out).containsAll(List.of("report.md", "results.csv", "summary.md", "sweep.json")), names(out).toString());
        String report = Files.readString(out.resolve("report.md"));
        assertEquals(4, report.lines().filter(l -> l.startsWith("| [l1")).count(), report);
        assertTrue(report.contains("![l1-prox](trials/l1-prox/weights.png)"), report);
        assertTrue(Files.exists(out.resolve("trials/l1-prox/weights.png")));
        assertTrue(r.err().lines().anyMatch(l -> l.matches("study: 1/4 done, 0 failed, \\d running, \\d+:\\d\\d left: .*")),
                r.err());
        assertEquals(2, AppRunner.run("study", "l2-things", "--out", out.toString()).code());
        AppRunner.Result longer = AppRunner.run("study", "l1-spikes", "--epochs", "3", "--seeds", "1", "--data",
                AppRunner.mnist().toString(), "--out", out.toString());
        assertEquals(2, longer.code(), "other flags: refused");
        assertTrue(longer.err().startsWith("nn study: " + out + " holds another sweep: base flags --epochs 3 (was 2);"),
                longer.err());
    }

    @Test
    void benchRunsACustomWorkloadRepeatedInOneJvm() {
        AppRunner.Result r = AppRunner.run("bench", "--layers", "784,20,10", "--train-size", "500", "--batch-size",
                "50", "--eta", "0.5", "--repeat", "2", "--data", AppRunner.mnist().toString());
        assertEquals(0, r.code(), r.err());
        List<String> results = r.out().lines().toList();
        assertEquals(2, results.size(), r.out());
        for (String line : results) {
            assertTrue(line.matches("RESULT peer=nn workload=custom epochs=1 seconds=\\d+\\.\\d{3}"
                    + " final_test_accuracy=0\\.\\d{4}"), line);
        }
        assertEquals(results.get(0).replaceAll("seconds=\\S+", ""), results.get(1).replaceAll("seconds=\\S+", ""),
                "the same run twice");
        assertTrue(r.err().contains("custom: first run "), r.err());
        assertTrue(r.err().contains("custom kernels, first mini-batch: layer 1 (dense) 784 -> 20: sparse rows, "), r.err());
        assertTrue(r.err().contains("; layer 2 (dense) 20 -> 10: dense rows, one-row kernels (four-row from batch 32"
                + " and 4096 weights)\n"), r.err());
    }

    @Test
    void benchPrintsOneResultLinePerWorkload() {
        AppRunner.Result r = AppRunner.run("bench", "--workload", "w1", "--epochs", "1", "--data",
                AppRunner.mnist().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().trim().matches("RESULT peer=nn workload=w1 epochs=1 seconds=\\d+\\.\\d{3}"
                + " final_test_accuracy=0\\.\\d{4}"), r.out());
        // the kernels each layer chose from its inputs: MNIST's pixels are sparse, a sigmoid layer's outputs dense
        // (the four-row kernels are for mini-batches of 32 or more and layers of 4096 weights or more)
        assertTrue(r.err().matches("(?s).*w1 kernels, first mini-batch: layer 1 \\(dense\\) 784 -> 30: sparse rows,"
                + " 1\\d% of inputs nonzero; layer 2 \\(dense\\) 30 -> 10: dense rows, one-row kernels"
                + " \\(four-row from batch 32 and 4096 weights\\)\n.*"), r.err());
    }
}
