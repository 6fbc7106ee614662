/**
 * What only the app's own commands run: the JIT warm-up of {@code nn bench} and the report of
 * {@code nn study l1-spikes}.
 */
package dev.nn.app.run;
