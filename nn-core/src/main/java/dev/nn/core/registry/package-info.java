/**
 * Plugin discovery: {@link dev.nn.core.registry.PluginRegistry} finds the providers of every
 * {@link dev.nn.core.registry.PluginKind} and looks them up by id.
 */
package dev.nn.core.registry;
