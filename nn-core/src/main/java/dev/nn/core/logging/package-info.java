/** Logging for nn's libraries, through SLF4J only when the application configured it. */
package dev.nn.core.logging;
