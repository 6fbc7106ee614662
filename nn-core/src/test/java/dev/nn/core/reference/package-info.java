/** The slow, obvious twin of the engine, written like network2.py, that the fast path is checked against. */
package dev.nn.core.reference;
