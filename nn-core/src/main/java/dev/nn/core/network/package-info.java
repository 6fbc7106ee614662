/**
 * Networks and their math: {@link dev.nn.core.network.Network}, the in-place SGD step
 * {@link dev.nn.core.network.TrainingStep} with its {@link dev.nn.core.network.Gradients}, and
 * {@link dev.nn.core.network.Evaluator}.
 */
package dev.nn.core.network;
