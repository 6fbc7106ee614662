package dev.nn.monitor;

import dev.nn.core.data.DataSet;
import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.train.SgdTrainer;
import dev.nn.train.TrainingConfig;
import dev.nn.train.TrainingListener;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The short way to train and get the history, as network2.py's {@code SGD} does:
 *
 * <pre>{@code
 * History res = Sgd.epochs(400).batchSize(10).eta(0.5).l2(0.2)
 *     .monitor(training.first(1000), test).train(net, training.first(1000));
 * }</pre>
 *
 * <p>With both L1 and L2 the update is {@code w = (1 - eta*l2/n) w - eta*l1/n sign(w) - eta/m nabla_w}.
 *
 * <p>It trains a network and data of one's own, below the run: a run on MNIST as {@code nn train}
 * makes it (with its files, checkpoints and resume) is a {@code RunSpec} of nn-run. The two set up
 * training the same way (the penalties by {@link Regularization#of}).
 */
public final class Sgd {

    private final TrainingConfig.Builder config = TrainingConfig.builder();
    private final List<TrainingListener> listeners = new ArrayList<>();
    private double l1;
    private double l2;
    private final java.util.Map<String, Double> regularizers = new java.util.LinkedHashMap<>();
    private String updateRule;
    private PluginRegistry registry;
    private DataSet monitorTraining;
    private DataSet monitorTest;
    private Set<Metric> metrics = EnumSet.noneOf(Metric.class);
    private int threads = 1;

    private Sgd(int epochs) {
        config.epochs(epochs);
    }

    /** Starts a configuration that runs {@code epochs} epochs. */
    public static Sgd epochs(int epochs) {
        return new Sgd(epochs);
    }

    /** Sets the mini-batch size. */
    public Sgd batchSize(int batchSize) {
        config.batchSize(batchSize);
        return this;
    }

    /** Sets the learning rate. */
    public Sgd eta(double eta) {
        config.eta(eta);
        return this;
    }

    /** Sets the L1 strength lambda (0: off). */
    public Sgd l1(double lambda) {
        this.l1 = lambda;
        return this;
    }

    /** Sets the L2 strength lambda (0: off). */
    public Sgd l2(double lambda) {
        this.l2 = lambda;
        return this;
    }

    /** Adds any regularizer by id with its lambda, such as {@code regularizer("l1-prox", 0.2)}; after l2 and l1. */
    public Sgd regularizer(String id, double lambda) {
        regularizers.put(id, lambda);
        return this;
    }

    /** Sets the update rule by id or spec, such as {@code "nesterov"} or {@code "momentum:mu=0.5"}; default sgd. */
    public Sgd updateRule(String spec) {
        this.updateRule = spec;
        return this;
    }

    /** Uses momentum with coefficient {@code mu}, the same as {@code updateRule("momentum:mu=" + mu)}. */
    public Sgd momentum(double mu) {
        return updateRule("momentum:mu=" + mu);
    }

    /** Sets the seed of the per-epoch shuffle. */
    public Sgd seed(long seed) {
        config.seed(seed);
        return this;
    }

    /** Sets the threads for training and evaluation; results are the same bits for any number. */
    public Sgd threads(int threads) {
        config.threads(threads);
        this.threads = threads;
        return this;
    }

    /** Sets the registry that resolves {@code l1} and {@code l2}; default {@link PluginRegistry#load()}. */
    public Sgd registry(PluginRegistry registry) {
        this.registry = registry;
        return this;
    }

    /** Measures cost and accuracy on both sets after every epoch (either may be null). */
    public Sgd monitor(DataSet training, DataSet test) {
        return monitor(training, test, EnumSet.allOf(Metric.class));
    }

    /** Measures the chosen metrics on the given sets after every epoch (either may be null). */
    public Sgd monitor(DataSet training, DataSet test, Set<Metric> metrics) {
        this.monitorTraining = training;
        this.monitorTest = test;
        this.metrics = metrics.isEmpty() ? EnumSet.noneOf(Metric.class) : EnumSet.copyOf(metrics);
        return this;
    }

    /** Adds a listener, called after the evaluation monitor. */
    public Sgd listener(TrainingListener listener) {
        listeners.add(listener);
        return this;
    }

    /** Trains {@code net} in place on {@code data} and returns the history of the monitored metrics. */
    public History train(Network net, DataSet data) {
        PluginRegistry plugins = registry != null ? registry : PluginRegistry.load();
        config.regularizations(Regularization.of(plugins::regularizer, l1, l2, regularizers));
        if (updateRule != null) {
            config.updateRule(plugins.updateRule(updateRule));
        }
        EvaluationMonitor monitor = new EvaluationMonitor(monitorTraining, monitorTest, metrics, label(), threads);
        List<TrainingListener> all = new ArrayList<>();
        all.add(monitor);
        all.addAll(listeners);
        new SgdTrainer(config.build(), all).train(net, data);
        return monitor.history();
    }

    private String label() {
        return RegularizationLabel.of(l1, l2);
    }
}
