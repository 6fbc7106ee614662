/**
 * Files: the JSON model format network2.py reads ({@link dev.nn.core.io.ModelFile}), atomic writes
 * ({@link dev.nn.core.io.AtomicFiles}), and what a path a user named is instead of a file
 * ({@link dev.nn.core.io.PathKind}).
 */
package dev.nn.core.io;
