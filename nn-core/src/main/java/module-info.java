/**
 * nn's interfaces and math: the plugin SPI, networks with their training step and evaluation, data
 * sets, model files and the plugin registry. The built-in plugins are provided as services; plugin
 * jars add theirs on the class path (a services file) or the module path ({@code provides}).
 */
@SuppressWarnings("module") // the qualified export names modules built after this one
module dev.nn.core {
    requires transitive com.google.gson;
    requires org.slf4j;

    exports dev.nn.core.data;
    exports dev.nn.core.io;
    exports dev.nn.core.layer;
    exports dev.nn.core.network;
    exports dev.nn.core.registry;
    exports dev.nn.core.spi;
    exports dev.nn.core.logging to dev.nn.data.mnist, dev.nn.train, dev.nn.monitor, dev.nn.app;

    uses dev.nn.core.layer.LayerType;
    uses dev.nn.core.spi.Activation;
    uses dev.nn.core.spi.Cost;
    uses dev.nn.core.spi.Regularizer;
    uses dev.nn.core.spi.UpdateRule;
    uses dev.nn.core.spi.WeightInitializer;
    uses org.slf4j.spi.SLF4JServiceProvider; // Logs: is there a logging provider at all?

    provides dev.nn.core.layer.LayerType with dev.nn.core.plugins.layers.DenseType,
            dev.nn.core.plugins.layers.DropoutType, dev.nn.core.plugins.layers.ConvType,
            dev.nn.core.plugins.layers.PoolType, dev.nn.core.plugins.layers.SoftmaxType;
    provides dev.nn.core.spi.Activation with dev.nn.core.plugins.Sigmoid, dev.nn.core.plugins.Relu,
            dev.nn.core.plugins.Tanh, dev.nn.core.plugins.Softmax, dev.nn.core.plugins.LeakyRelu;
    provides dev.nn.core.spi.Cost with dev.nn.core.plugins.CrossEntropyCost, dev.nn.core.plugins.QuadraticCost,
            dev.nn.core.plugins.LogLikelihoodCost;
    provides dev.nn.core.spi.Regularizer with dev.nn.core.plugins.L1Regularizer, dev.nn.core.plugins.L2Regularizer,
            dev.nn.core.plugins.L1ProxRegularizer, dev.nn.core.plugins.MaxNormRegularizer;
    provides dev.nn.core.spi.UpdateRule with dev.nn.core.plugins.SgdRule, dev.nn.core.plugins.MomentumRule,
            dev.nn.core.plugins.NesterovRule;
    provides dev.nn.core.spi.WeightInitializer with dev.nn.core.plugins.DefaultInitializer,
            dev.nn.core.plugins.LargeInitializer, dev.nn.core.plugins.Network3Initializer;
}
