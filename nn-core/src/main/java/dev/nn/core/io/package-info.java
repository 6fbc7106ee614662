/** Files: the JSON model format network2.py reads, and atomic writes. */
package dev.nn.core.io;
