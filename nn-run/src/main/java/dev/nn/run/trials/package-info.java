/**
 * A sweep's trials run as {@code nn train} runs them ({@link dev.nn.run.trials.TrainTrials}), and the
 * figures of a finished sweep ({@link dev.nn.run.trials.SweepFigures}): for {@code nn sweep}, its Spark
 * engine and a sweep built in Java with nn-sweep's API.
 */
package dev.nn.run.trials;
