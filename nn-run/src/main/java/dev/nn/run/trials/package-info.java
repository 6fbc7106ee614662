/**
 * A sweep's trials run as {@code nn train} runs them ({@link dev.nn.run.trials.TrainTrials}), the
 * figures of a finished sweep ({@link dev.nn.run.trials.SweepFigures}), and sweep presets made from
 * runs given as specs ({@link dev.nn.run.trials.NamedRuns}, {@code nn demo}'s and {@code nn study}'s):
 * for {@code nn sweep}, its Spark engine and a sweep built in Java with nn-sweep's API.
 */
package dev.nn.run.trials;
