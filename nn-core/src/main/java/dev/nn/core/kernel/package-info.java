/**
 * The multiply-add kernels of the dense layers ({@link dev.nn.core.kernel.RowKernels}), on matrices
 * stored one array per row, each documented by formula with its fixed summation order.
 */
package dev.nn.core.kernel;
