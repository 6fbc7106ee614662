package dev.nn.spark;

import dev.nn.data.mnist.Mnist;
import dev.nn.sweep.SweepEngine;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The Spark engine of {@code nn sweep} ({@code --engine spark}): a Spark context per sweep, MNIST
 * broadcast to the executors once, and each trial run one Spark job of one task, as many at once as
 * Spark has slots.
 */
public final class SparkSweepEngine implements SweepEngine {

    /** Creates the engine; {@link #start} starts Spark. */
    public SparkSweepEngine() {
    }

    @Override
    public String id() {
        return "spark";
    }

    @Override
    public Session start(String master, Path dir, TrialData data) throws IOException {
        if (!(data.loaded() instanceof Mnist mnist)) {
            throw new IllegalArgumentException("the Spark engine trains on MNIST, got " + data.loaded().getClass());
        }
        SparkConf conf = new SparkConf().setAppName("nn sweep " + dir.getFileName());
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]"); // not under spark-submit and no --master: this machine's cores
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        conf.setIfMissing("spark.task.maxFailures", "1"); // a trial never throws; a lost executor is not retried
        JavaSparkContext spark = new JavaSparkContext(conf);
        long bytes = serializedSize(mnist);
        long start = System.nanoTime();
        Broadcast<Mnist> broadcast = spark.broadcast(mnist);
        double seconds = (System.nanoTime() - start) / 1e9;
        String line = String.format(Locale.ROOT, "spark: master %s, %d task slots; MNIST broadcast once (%.1f MB"
                + " serialized, %.2f s on the driver)", spark.master(), spark.defaultParallelism(), bytes / 1e6, seconds);
        return new SparkTrials(spark, broadcast, dir, data.dir(), line);
    }

    /** The size of the data as Java serialization writes it, which is what the broadcast ships. */
    private static long serializedSize(Mnist mnist) throws IOException {
        long[] count = new long[1];
        try (ObjectOutputStream out = new ObjectOutputStream(new OutputStream() {
            @Override
            public void write(int b) {
                count[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count[0] += len;
            }
        })) {
            out.writeObject(mnist);
        }
        return count[0];
    }
}
