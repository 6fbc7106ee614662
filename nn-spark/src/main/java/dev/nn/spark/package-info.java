/**
 * {@code nn sweep --engine spark}: a sweep's trials run as the tasks of one Spark job per rung, each
 * returning its result record; the driver keeps the journal, results and figures as the local engine
 * does. MNIST is broadcast once to the executors.
 */
package dev.nn.spark;
