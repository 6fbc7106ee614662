package dev.nn.app.commands;

import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.AppContextSource;
import dev.nn.app.cli.RunDirectory;
import dev.nn.app.cli.TimeLeft;
import dev.nn.core.io.ModelFile;
import dev.nn.core.network.Network;
import dev.nn.core.network.PluralityVote;
import dev.nn.data.mnist.Mnist;
import dev.nn.monitor.History;
import dev.nn.plot.Figure;
import dev.nn.plot.FilterImage;
import dev.nn.run.BestModelKeeper;
import dev.nn.run.CheckpointFile;
import dev.nn.run.Interrupts;
import dev.nn.run.KeptRuns;
import dev.nn.run.ResumableRun;
import dev.nn.run.RunFiles;
import dev.nn.run.RunLayout;
import dev.nn.run.RunSpec;
import dev.nn.run.TrainingRun;
import dev.nn.run.UsageException;
import dev.nn.run.book.Chapter6Step;
import dev.nn.run.book.StepScore;
import dev.nn.run.options.ThreadsOption;
import dev.nn.train.StopReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code nn book ch6 STEP}: a step of chapter 6's ladder with the book's configuration
 * ({@link Chapter6Step}), each run in its own directory as {@code nn train} keeps it, reporting the
 * book's number: the test accuracy at the epoch of best validation accuracy, best of the runs (the
 * ensemble step: the vote of its runs' best models).
 */
@Command(name = "ch6", mixinStandardHelpOptions = true,
        description = "Run a step of chapter 6's ladder (conv.py) with the book's configuration and report the test"
                + " accuracy at the epoch of best validation accuracy, best of the runs; each run's directory gets"
                + " best-model.json and, with a convolution, filters.png of its first layer's filters. --list shows"
                + " the steps.")
public final class Chapter6Command implements Callable<Integer> {

    @ParentCommand
    AppContextSource parent;

    @Parameters(arity = "0..1", paramLabel = "STEP", description = "shallow, basic-conv, dbl-conv, dbl-conv-relu,"
            + " expanded-data, expanded-data-double-fc, double-fc-dropout or ensemble.")
    String step;

    @Option(names = "--list", description = "Print the ladder with the book's figures.")
    boolean list;

    @Option(names = "--runs", paramLabel = "R", description = "Runs of the step, seeds --seed, --seed+1, ..."
            + " (default: 3, the book's best of 3; the ensemble: its 5 voters).")
    Integer runs;

    @Option(names = "--epochs", paramLabel = "E", description = "Epochs per run (default: the book's).")
    Integer epochs;

    @Option(names = "--train-size", paramLabel = "N", description = "Train on the first N images (default: all"
            + " 50000, or 250000 expanded).")
    Integer trainSize;

    @Option(names = "--seed", defaultValue = "3", description = "Seed of the first run (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory of the step's runs, run-1, run-2, ..."
            + " (default: runs/book-ch6-STEP); a run finished there with the same flags is kept, an unfinished one"
            + " resumed.")
    Path out;

    @Option(names = "--force", description = "Replace runs in --out that were made with other flags.")
    boolean force;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--data", paramLabel = "DIR", description = "Directory with the MNIST files.")
    Path data;

    @Override
    public Integer call() throws Exception {
        AppContext ctx = parent.context();
        if (list) {
            printList(ctx);
            return 0;
        }
        if (step == null) {
            throw new UsageException("name a step (nn book ch6 --list shows them), such as nn book ch6 dbl-conv");
        }
        Chapter6Step s = Chapter6Step.of(step);
        int count = runs != null ? runs : s.defaultRuns();
        if (count < s.minimumRuns()) {
            throw new UsageException("--runs must be at least " + s.minimumRuns() + " for " + s.id() + ", got " + count);
        }
        List<TrainingRun> planned = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            planned.add(new TrainingRun(s.spec(seed + r, epochs, trainSize), threads.count(), data, ctx.registry())
                    .validate());
        }
        Path dir = out != null ? out : Path.of("runs", "book-ch6-" + s.id());
        for (int r = 0; r < count; r++) {
            KeptRuns.refuseToReplace(runDir(dir, r), planned.get(r).spec(), force, "book ch6");
        }
        RunDirectory.check(dir);
        Path dataDir = ctx.mnistDir(data);
        Mnist mnist = Mnist.load(dataDir);
        RunDirectory.prepare(dir);
        List<StepScore> scores = new ArrayList<>();
        List<Network> best = new ArrayList<>();
        TimeLeft timeLeft = new TimeLeft();
        int trained = 0;
        try (Interrupts interrupts = ctx.interrupts()) {
            for (int r = 0; r < count; r++) {
                TrainingRun run = planned.get(r);
                Path runDir = runDir(dir, r);
                long start = System.nanoTime();
                History history = runOrKeep(ctx, s, r, count, run, runDir, mnist, dataDir, interrupts);
                if (history == null) {
                    return 130;
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Network model = ModelFile.read(runDir.resolve(BestModelKeeper.NAME), ctx.registry()).network();
                StepScore score = StepScore.of(history, model, mnist.test(), threads.count());
                Figure filters = FilterImage.firstConvolution(model);
                if (filters != null) {
                    filters.save(runDir, dev.nn.run.RunLayout.FILTERS_FIGURE);
                }
                scores.add(score);
                best.add(model);
                ctx.out().println(String.format(Locale.ROOT, "%s run %d of %d (seed %d): best validation accuracy %.4f"
                        + " at epoch %d; test accuracy there %.4f%s", s.id(), r + 1, count, seed + r,
                        score.validationAccuracy(), score.bestEpoch(), score.testAccuracy(),
                        seconds > 1 ? String.format(Locale.ROOT, " (%s)", TimeLeft.format(seconds)) : " (kept)"));
                if (seconds > 1) {
                    trained++;
                }
                if (r + 1 < count && trained > 0) {
                    ctx.note(String.format(Locale.ROOT, "book ch6 %s: %d of %d runs done, %s left", s.id(), r + 1,
                            count, timeLeft.after(trained, count - r - 1)));
                }
            }
        }
        double result;
        String how;
        if (s == Chapter6Step.ENSEMBLE) {
            int correct = new PluralityVote(best).correct(mnist.test());
            result = (double) correct / mnist.test().size();
            how = "the plurality vote of " + count + " runs' best models, " + correct + " / " + mnist.test().size();
        } else {
            result = scores.stream().mapToDouble(StepScore::testAccuracy).max().orElseThrow();
            how = "test accuracy at the best-validation epoch, best of " + count + (count == 1 ? " run" : " runs");
        }
        ctx.out().println(String.format(Locale.ROOT, "%s: %.2f%% (%s); the book: %.2f%%", s.id(), 100 * result, how,
                s.book()));
        ctx.out().println("runs in " + dir);
        if (scores.stream().allMatch(score -> score.validationAccuracy() < PLATEAU)) {
            RunSpec first = planned.get(0).spec();
            int batches = s.trainingImages(first.trainSize()) / first.batchSize() * first.epochs();
            ctx.out().println(String.format(Locale.ROOT, "note: every run is still on the plateau near 10%% that the"
                    + " book's configuration starts on (network3.py's too; basic-conv leaves it after about 250"
                    + " mini-batches); each run here had %d mini-batches: give more --epochs or --train-size",
                    batches));
        }
        return 0;
    }

    /** A best validation accuracy below this is the starting plateau, not a result. */
    private static final double PLATEAU = 0.2;

    private static Path runDir(Path dir, int r) {
        return dir.resolve("run-" + (r + 1));
    }

    /** Trains one run, keeps it if finished with the same flags, or resumes it from its checkpoint. */
    private static History runOrKeep(AppContext ctx, Chapter6Step s, int r, int count, TrainingRun run, Path runDir,
            Mnist mnist, Path dataDir, Interrupts interrupts) throws IOException {
        List<String> args = run.spec().args();
        if (RunFiles.finished(runDir, run.spec()) && Files.isRegularFile(runDir.resolve(BestModelKeeper.NAME))) {
            return RunLayout.history(runDir);
        }
        CheckpointFile.Saved from = null;
        if (RunLayout.unfinished(runDir)) {
            CheckpointFile.Saved saved = CheckpointFile.read(runDir);
            from = saved.isOf(run.spec(), args) ? saved : null;
        }
        ctx.note(String.format(Locale.ROOT, "book ch6 %s: run %d of %d in %s%s", s.id(), r + 1, count, runDir,
                from != null ? ", resumed after epoch " + from.epochsDone() : ""));
        RunDirectory.prepare(runDir);
        TrainingRun.Outcome outcome = ResumableRun.train(run, runDir, args, from, mnist, dataDir, s.id(),
                ctx.progress(), interrupts, where -> "nn book ch6: stopped in " + runDir + " " + where
                        + "; finished runs are kept. Run the same nn book ch6 command again to continue.");
        return outcome.result().reason() == StopReason.INTERRUPTED ? null : outcome.history();
    }

    private static void printList(AppContext ctx) {
        ctx.out().println(String.format(Locale.ROOT, "%-24s %-55s %3s %5s %4s %s %7s", "step", "network (conv.py)",
                "ep", "eta", "l2", "data", "book"));
        for (Chapter6Step s : Chapter6Step.values()) {
            ctx.out().println(s.line());
        }
        ctx.out().println("every step: mini-batch 10, log-likelihood cost, softmax output; the figure is the test"
                + " accuracy at the epoch of best validation accuracy, best of 3 runs");
    }
}
