/**
 * JMH benchmarks of the kernels of {@code nn-core} against EJML's general routines, at the shapes
 * of the benchmark networks. Build with {@code ./mvnw -pl nn-benchmarks -am package}, run with
 * {@code java -jar nn-benchmarks/target/benchmarks.jar}.
 */
package dev.nn.benchmarks;
