/**
 * Training listeners: {@link dev.nn.monitor.EvaluationMonitor} and its {@link dev.nn.monitor.History},
 * {@link dev.nn.monitor.ProgressBar}, {@link dev.nn.monitor.GradientNormMonitor},
 * {@link dev.nn.monitor.EarlyStopping}, {@link dev.nn.monitor.PlateauSchedule},
 * {@link dev.nn.monitor.LoggingListener}, and the {@link dev.nn.monitor.Sgd} shortcut.
 */
package dev.nn.monitor;
