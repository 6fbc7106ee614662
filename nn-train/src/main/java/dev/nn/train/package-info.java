/**
 * Training: {@link dev.nn.train.SgdTrainer} runs mini-batch SGD from a
 * {@link dev.nn.train.TrainingConfig} and publishes events to
 * {@link dev.nn.train.TrainingListener}s.
 */
package dev.nn.train;
