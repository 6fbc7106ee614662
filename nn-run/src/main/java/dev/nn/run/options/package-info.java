/**
 * The flags of {@code nn train} as a picocli mixin ({@link dev.nn.run.options.TrainingOptions}),
 * shared by every command that trains, with network2.py's names as further names of the same options.
 */
package dev.nn.run.options;
