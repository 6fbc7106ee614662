/**
 * {@code nn sweep --engine spark}: each trial run of a sweep is a Spark job of one task, as many at
 * once as Spark has slots, each returning its result record as it finishes; the driver keeps the
 * journal, results and figures as the local engine does (and decides ASHA's promotions as results
 * come in). MNIST is broadcast once to the executors.
 */
package dev.nn.spark;
