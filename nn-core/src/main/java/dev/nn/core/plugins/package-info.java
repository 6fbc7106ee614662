/**
 * The built-in plugins, registered with {@link java.util.ServiceLoader} exactly as a third-party
 * jar registers its own: activations {@code sigmoid}, {@code relu}, {@code leaky-relu}, {@code tanh},
 * {@code softmax}; costs {@code cross-entropy}, {@code quadratic}, {@code log-likelihood};
 * regularizers {@code l1}, {@code l1-prox}, {@code l2}, {@code max-norm}; initializers
 * {@code default}, {@code large}, {@code network3}; update rules {@code sgd}, {@code momentum},
 * {@code nesterov}. The layer types are in {@code dev.nn.core.plugins.layers}.
 */
package dev.nn.core.plugins;
