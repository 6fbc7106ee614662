/**
 * The layer seam: a {@link dev.nn.core.layer.LayerType} plugin makes {@link dev.nn.core.layer.Layer}s,
 * which own their parameters and make the {@link dev.nn.core.layer.LayerPass}es that the engine runs
 * forward and backward. The built-in dense and dropout layers are plugins of this kind.
 */
package dev.nn.core.layer;
