/** Running {@code nn train}'s trials from Java, for a sweep built with nn-sweep's API. */
package dev.nn.app.trials;
