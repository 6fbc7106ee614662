/** An nn plugin as a named module: the swish activation and the log-cosh cost, declared only with {@code provides}. */
module com.example.nnswish {
    requires dev.nn.core;

    provides dev.nn.core.spi.Activation with com.example.nnswish.Swish;
    provides dev.nn.core.spi.Cost with com.example.nnswish.LogCoshCost;
}
