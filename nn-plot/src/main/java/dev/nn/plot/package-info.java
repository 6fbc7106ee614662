/**
 * Charts with XChart: {@link dev.nn.plot.HistoryCharts} and {@link dev.nn.plot.GradientCharts}
 * build {@link dev.nn.plot.Figure}s, written as PNG and SVG.
 */
package dev.nn.plot;
