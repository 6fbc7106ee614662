/** The immutable events a trainer publishes, in the order {@link dev.nn.train.TrainingListener} documents. */
package dev.nn.train.event;
