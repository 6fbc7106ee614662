package dev.nn.sweep;

import java.nio.file.Path;

/**
 * A way to run a sweep's trials elsewhere than on this process's threads, found with
 * {@link java.util.ServiceLoader} ({@code nn sweep --engine ID}): the Spark engine of nn-spark is
 * one. An engine starts a {@link Session} per sweep.
 */
public interface SweepEngine {

    /** Returns the engine's id, as {@code --engine} names it, such as {@code spark}. */
    String id();

    /**
     * Starts a session for the sweep in {@code dir}.
     *
     * @param master where to run, in the engine's terms (Spark: {@code local[2]}, {@code spark://host:7077},
     *     {@code yarn}, {@code k8s://...}); null for the engine's default
     * @param data what every trial trains on, the MNIST directory and its loaded data as the app has them
     * @throws Exception if the engine cannot start
     */
    Session start(String master, Path dir, TrialData data) throws Exception;

    /**
     * The MNIST files the trials read and the data loaded from them.
     *
     * @param dir the MNIST directory
     * @param loaded the loaded data set, of a type the engine's trials know (an nn-data-mnist {@code Mnist})
     */
    record TrialData(Path dir, java.io.Serializable loaded) {
    }

    /** A started engine: runs batches of trials until closed. */
    interface Session extends TrialBatch, AutoCloseable {

        /** Returns one line saying where the trials run, for the sweep's first line of output. */
        String describe();

        /** Returns how many trials the engine runs at once (Spark: its default parallelism), or 0 if unknown. */
        default int slots() {
            return 0;
        }

        /** Stops the engine. */
        @Override
        void close();
    }
}
