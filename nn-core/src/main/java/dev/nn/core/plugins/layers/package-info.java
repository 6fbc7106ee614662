/**
 * The built-in layer types: {@code dense}, the fast path (sparse-aware row kernels, a fused SGD
 * step); {@code conv} and {@code pool}, chapter 6's convolution and max-pooling; {@code softmax},
 * a dense output layer with softmax; and {@code dropout}.
 */
package dev.nn.core.plugins.layers;
