/**
 * The built-in plugins, registered with {@link java.util.ServiceLoader} exactly as a third-party
 * jar registers its own: activations {@code sigmoid}, {@code relu}, {@code tanh}, {@code softmax};
 * costs {@code cross-entropy}, {@code quadratic}, {@code log-likelihood}; regularizers {@code l1},
 * {@code l2}; initializers {@code default}, {@code large}.
 */
package dev.nn.core.plugins;
