package dev.nn.monitor;

/** Something that keeps a {@link History} up to date during training, such as {@link EvaluationMonitor}. */
@FunctionalInterface
public interface HistorySource {

    /** Returns the history so far. */
    History history();
}
