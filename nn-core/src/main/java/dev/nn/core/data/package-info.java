/** Data sets in the core's vocabulary: inputs, labels and one-hot targets, and views over them. */
package dev.nn.core.data;
