/**
 * Sweeps: many {@code nn train} runs over a grid of flags and seeds ({@link dev.nn.sweep.SweepSpec}),
 * run in parallel by {@link dev.nn.sweep.Sweep} through a {@link dev.nn.sweep.TrialRunner}, with a
 * journal that makes them resumable and a results table and summary to compare them.
 */
package dev.nn.sweep;
