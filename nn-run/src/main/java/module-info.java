/**
 * A training run on MNIST as a library: the flags of {@code nn train} ({@code dev.nn.run.options},
 * a picocli mixin), the run they make ({@link dev.nn.run.TrainingRun}), its checkpoints and resume
 * ({@link dev.nn.run.ResumableRun}), its files ({@link dev.nn.run.RunFiles}), and the trials and
 * figures of a sweep ({@code dev.nn.run.trials}) and the book's chapter 6 ladder
 * ({@code dev.nn.run.book}). The app, the Spark engine and a program of one's own use it alike.
 */
module dev.nn.run {
    requires transitive dev.nn.sweep;
    requires transitive dev.nn.data.mnist;
    requires transitive dev.nn.plot;
    requires transitive info.picocli;
    requires com.google.gson;

    exports dev.nn.run;
    exports dev.nn.run.book;
    exports dev.nn.run.options;
    exports dev.nn.run.trials;

    opens dev.nn.run.options to info.picocli;
}
