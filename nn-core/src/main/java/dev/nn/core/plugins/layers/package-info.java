/**
 * The built-in layer types: {@code dense}, the fast path (sparse-aware row kernels, a fused SGD
 * step), and {@code dropout}.
 */
package dev.nn.core.plugins.layers;
