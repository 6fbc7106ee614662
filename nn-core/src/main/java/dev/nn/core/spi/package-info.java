/**
 * The plugin contracts: {@link dev.nn.core.spi.Activation}, {@link dev.nn.core.spi.Cost},
 * {@link dev.nn.core.spi.Regularizer} and {@link dev.nn.core.spi.WeightInitializer}.
 *
 * <p>A plugin jar implements one of them, gives it a stable {@link dev.nn.core.spi.Plugin#id()},
 * and declares it in {@code META-INF/services/<interface name>} for {@link java.util.ServiceLoader}.
 */
package dev.nn.core.spi;
