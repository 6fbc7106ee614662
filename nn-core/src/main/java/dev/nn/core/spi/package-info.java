/**
 * The plugin contracts: {@link dev.nn.core.spi.Activation}, {@link dev.nn.core.spi.Cost},
 * {@link dev.nn.core.spi.Regularizer} (by gradient or proximal step), {@link dev.nn.core.spi.WeightInitializer}
 * and {@link dev.nn.core.spi.UpdateRule}, with the {@link dev.nn.core.spi.Hyperparameter}s they take;
 * layers are plugins too ({@code dev.nn.core.layer}).
 *
 * <p>A plugin jar implements one of them, gives it a stable {@link dev.nn.core.spi.Plugin#id()},
 * and declares it in {@code META-INF/services/<interface name>} for {@link java.util.ServiceLoader}.
 */
package dev.nn.core.spi;
