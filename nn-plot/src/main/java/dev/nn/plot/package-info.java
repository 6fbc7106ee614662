/**
 * The figures, drawn with XChart: {@link dev.nn.plot.HistoryCharts} (a run's overfitting figure and
 * a comparison of runs), {@link dev.nn.plot.WeightCharts} (L1's spikes and the weights),
 * {@link dev.nn.plot.GradientCharts} (chapter 5's gradient norms), {@link dev.nn.plot.SweepCharts}
 * (a sweep's curves and heat map) and {@link dev.nn.plot.FilterImage} (a convolution's filters) each
 * build a {@link dev.nn.plot.Figure}, written as PNG and as SVG whose labels are text.
 */
package dev.nn.plot;
