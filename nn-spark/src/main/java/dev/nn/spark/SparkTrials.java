package dev.nn.spark;

import dev.nn.sweep.SweepLayout;
import dev.nn.run.RunLayout;
import dev.nn.core.io.AtomicFiles;
import dev.nn.data.mnist.Mnist;
import dev.nn.sweep.SweepEngine;
import dev.nn.sweep.Trial;
import dev.nn.sweep.TrialResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A sweep's Spark session: each batch of trials is one job, one task per trial. The sweep hands it
 * one trial run at a time from as many driver threads as Spark has slots, so each run is a job of
 * its own and is reported as it finishes (Spark runs the jobs of several threads side by side).
 */
final class SparkTrials implements SweepEngine.Session {

    private final JavaSparkContext spark;
    private final Broadcast<Mnist> mnist;
    private final Path sweepDir;
    private final Path mnistDir;
    private final String description;

    SparkTrials(JavaSparkContext spark, Broadcast<Mnist> mnist, Path sweepDir, Path mnistDir, String description) {
        this.spark = spark;
        this.mnist = mnist;
        this.sweepDir = sweepDir;
        this.mnistDir = mnistDir;
        this.description = description;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public int slots() {
        return spark.defaultParallelism();
    }

    @Override
    public List<TrialResult> run(List<Trial> trials, int pauseAfter) throws IOException {
        spark.setJobDescription(trials.size() + " trials of " + sweepDir.getFileName());
        List<TrialOutcome> outcomes = spark.parallelize(trials, trials.size())
                .map(new TrialTask(sweepDir, mnistDir, mnist, pauseAfter)).collect();
        List<TrialResult> results = new ArrayList<>();
        for (TrialOutcome outcome : outcomes) {
            if (outcome.historyJson() != null) {
                // the executor had no view of the sweep's directory: the driver writes what travelled back
                Path dir = Files.createDirectories(SweepLayout.trial(sweepDir, outcome.result().trial()));
                AtomicFiles.writeString(dir.resolve(RunLayout.HISTORY), outcome.historyJson());
                if (outcome.modelJson() != null) {
                    AtomicFiles.writeString(dir.resolve(RunLayout.MODEL), outcome.modelJson());
                }
            }
            results.add(outcome.result());
        }
        return results;
    }

    @Override
    public void close() {
        spark.close();
    }
}
