/**
 * What the commands share: the program's context (streams, plugins, MNIST), output directories
 * checked before work starts, the error handler, the time left, and flags of several commands.
 */
package dev.nn.app.cli;
