/** Dense kernels on EJML matrices, documented by formula, with a fixed summation order. */
package dev.nn.core.kernel;
