/**
 * The {@code nn} command: {@link dev.nn.app.Main} parses the flags with picocli and hands over to a
 * command of {@code dev.nn.app.commands}; errors become one line ({@code dev.nn.app.cli.ErrorHandler}).
 */
package dev.nn.app;
