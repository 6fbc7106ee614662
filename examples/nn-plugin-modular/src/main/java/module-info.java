/**
 * An nn plugin as a named module: the swish activation, the log-cosh cost and a gain layer, declared
 * only with {@code provides}.
 */
module com.example.nnswish {
    requires dev.nn.core;

    provides dev.nn.core.spi.Activation with com.example.nnswish.Swish;
    provides dev.nn.core.spi.Cost with com.example.nnswish.LogCoshCost;
    provides dev.nn.core.layer.LayerType with com.example.nnswish.Gain;
}
