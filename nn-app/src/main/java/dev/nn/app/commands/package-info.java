/**
 * One class per {@code nn} command: flags in, a run of {@code dev.nn.run} or a sweep of
 * {@code dev.nn.sweep} wired, results out. The commands keep no state between calls.
 */
package dev.nn.app.commands;
