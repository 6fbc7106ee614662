/** {@code nn dashboard}: the runs and sweeps of a directory in the browser, live, read-only. */
package dev.nn.dashboard;
