/**
 * One class per {@code nn} command: flags in, a run of {@code dev.nn.run} or a sweep of
 * {@code dev.nn.sweep} wired, results out. {@code nn sweep} and the sweep presets ({@code nn demo},
 * {@code nn study}) run their sweeps through one driver ({@code SweepDriver}, with its progress line).
 * The commands keep no state between calls.
 */
package dev.nn.app.commands;
