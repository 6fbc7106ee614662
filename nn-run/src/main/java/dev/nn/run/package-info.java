/**
 * One training run on MNIST: {@link dev.nn.run.TrainingRun} wires its flags into a network, a
 * trainer and listeners; {@link dev.nn.run.ResumableRun} checkpoints it after every epoch (at most once a second) and on a
 * signal ({@link dev.nn.run.Interrupts}), resumes it bit for bit, and writes its files
 * ({@link dev.nn.run.RunFiles}, {@link dev.nn.run.CheckpointFile}) under a lock
 * ({@link dev.nn.run.RunLock}); what is wrong with the flags is a {@link dev.nn.run.UsageException}.
 * A run is a {@link dev.nn.run.RunSpec}; {@link dev.nn.run.RunLayout} names its files, and
 * {@link dev.nn.run.KeptRuns} keeps a run of another spec from being replaced unasked.
 */
package dev.nn.run;
