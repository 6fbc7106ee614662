package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import dev.nn.monitor.HistoryFiles;
import dev.nn.run.RunSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nn book ch6}, {@code nn ensemble} and {@code nn plot --filters} as a reader runs them: the
 * ladder listed, a step's runs trained as the book configures them, scored by the test accuracy at
 * the best-validation epoch (checked against {@code nn evaluate} of the kept model), kept when run
 * again, and voted.
 */
class BookCommandTests {

    @TempDir
    static Path tmp;

    private static final Pattern RUN_LINE = Pattern.compile("basic-conv run (\\d) of 2 \\(seed (\\d)\\): best validation"
            + " accuracy (0\\.\\d{4}) at epoch (\\d); test accuracy there (0\\.\\d{4}) \\((.*)\\)");

    @Test
    void theListShowsEveryStepWithTheBooksFigure() {
        AppRunner.Result r = AppRunner.run("book", "ch6", "--list");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(10, lines.size(), r.out());
        assertTrue(lines.get(3).startsWith("dbl-conv ") && lines.get(3).endsWith("99.06%"), lines.get(3));
        assertTrue(lines.get(8).startsWith("ensemble ") && lines.get(8).endsWith("99.67%"), lines.get(8));
    }

    @Test
    void aStepTrainsItsRunsScoresThemKeepsThemAndTheirModelsVote() throws IOException {
        Path out = tmp.resolve("basic");
        String[] command = {"book", "ch6", "basic-conv", "--train-size", "300", "--epochs", "2", "--runs", "2",
            "--data", AppRunner.mnist().toString(), "--out", out.toString()};
        AppRunner.Result r = AppRunner.run(command);
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.get(4).startsWith("note: every run is still on the plateau near 10% that the book's"
                + " configuration starts on") && lines.get(4).contains("each run here had 60 mini-batches"), lines.get(4));
        double best = 0;
        for (int k = 1; k <= 2; k++) {
            Matcher m = RUN_LINE.matcher(lines.get(k - 1));
            assertTrue(m.matches(), lines.get(k - 1));
            assertEquals(String.valueOf(k + 2), m.group(2), "run k has seed --seed + k - 1");
            Path run = out.resolve("run-" + k);
            RunSpec spec = RunSpec.fromJson(JsonParser.parseString(Files.readString(run.resolve("run.json")))
                    .getAsJsonObject().getAsJsonObject("spec"));
            assertEquals(dev.nn.run.book.Chapter6Step.BASIC_CONV.spec(k + 2, 2, 300), spec);
            History history = HistoryFiles.readJson(run.resolve("history.json"));
            // the run measured the validation data and its files say so: no "test" curve, no empty cost panel
            assertEquals(History.VALIDATION, history.evaluatedOn());
            assertTrue(Files.readString(run.resolve("history.csv")).startsWith("epoch,train_accuracy,"
                    + "validation_accuracy,train_cost,validation_cost\n"));
            String figure = Files.readString(run.resolve("history.svg"));
            assertTrue(figure.contains(">validation<") && !figure.contains(">test<") && !figure.contains(">Cost"));
            assertEquals(700, ImageIO.read(run.resolve("history.png").toFile()).getWidth(), "the accuracy panel alone");
            EpochRecord top = history.records().stream().reduce((a, b) -> b.testAccuracy() > a.testAccuracy() ? b : a)
                    .orElseThrow();
            assertEquals(String.format(java.util.Locale.ROOT, "%.4f", top.testAccuracy()), m.group(3),
                    "the history's validation accuracy at its best epoch");
            assertEquals(String.valueOf(top.epoch()), m.group(4));
            AppRunner.Result evaluated = AppRunner.run("evaluate", "--model", run.resolve("best-model.json").toString(),
                    "--data", AppRunner.mnist().toString());
            assertTrue(evaluated.out().contains("test accuracy " + m.group(5) + " "), evaluated.out());
            best = Math.max(best, Double.parseDouble(m.group(5)));
            BufferedImage filters = ImageIO.read(run.resolve("filters.png").toFile());
            assertTrue(filters.getWidth() > 400 && filters.getHeight() > 100);
        }
        assertEquals(String.format(java.util.Locale.ROOT, "basic-conv: %.2f%% (test accuracy at the best-validation"
                + " epoch, best of 2 runs); the book: 98.78%%", 100 * best), lines.get(2));
        assertEquals("runs in " + out, lines.get(3));

        AppRunner.Result again = AppRunner.run(command);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().lines().limit(2).allMatch(l -> l.endsWith("(kept)")), again.out());
        assertEquals(lines.get(2), again.out().lines().toList().get(2), "kept runs score the same");
        String[] longer = command.clone();
        longer[6] = "3";
        AppRunner.Result refused = AppRunner.run(longer);
        assertEquals(2, refused.code(), "runs of other settings are not replaced unasked");
        assertEquals("nn book ch6: " + out.resolve("run-1") + " holds a run of other settings (epochs 2, not 3), which"
                + " this book ch6 would replace; give --out DIR for a new book ch6, or add --force to replace it (see"
                + " 'nn book ch6 --help')", refused.err().trim());

        AppRunner.Result vote = AppRunner.run("ensemble", out.resolve("run-1/best-model.json").toString(),
                out.resolve("run-2/best-model.json").toString(), "--data", AppRunner.mnist().toString());
        assertEquals(0, vote.code(), vote.err());
        List<String> voted = vote.out().lines().toList();
        assertEquals(3, voted.size(), vote.out());
        assertTrue(voted.get(2).matches("vote of 2: test accuracy 0\\.\\d{4} \\(\\d+ / 10000\\)"), voted.get(2));

        Path drawn = tmp.resolve("drawn");
        AppRunner.Result plot = AppRunner.run("plot", "--filters", out.resolve("run-1/best-model.json").toString(),
                "--out", drawn.toString());
        assertEquals(0, plot.code(), plot.err());
        assertTrue(Files.isRegularFile(drawn.resolve("filters.svg")));
    }

    @Test
    void badStepsAndRunCountsAreOneLineErrors() {
        AppRunner.Result unknown = AppRunner.run("book", "ch6", "dbl_conv");
        assertEquals(2, unknown.code());
        assertEquals("nn book ch6: unknown step 'dbl_conv' of chapter 6; the steps: shallow, basic-conv, dbl-conv,"
                + " dbl-conv-relu, expanded-data, expanded-data-double-fc, double-fc-dropout, ensemble (see 'nn book ch6"
                + " --help')", unknown.err().trim());
        AppRunner.Result few = AppRunner.run("book", "ch6", "ensemble", "--runs", "3");
        assertEquals(2, few.code());
        assertEquals("nn book ch6: --runs must be at least 5 for ensemble, got 3 (see 'nn book ch6 --help')",
                few.err().trim());
        AppRunner.Result none = AppRunner.run("book", "ch6");
        assertEquals(2, none.code());
        assertTrue(none.err().trim().startsWith("nn book ch6: name a step"), none.err());
    }
}
