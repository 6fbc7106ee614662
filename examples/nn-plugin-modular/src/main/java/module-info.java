/** An nn plugin as a named module: the swish activation, declared only with {@code provides}. */
module com.example.nnswish {
    requires dev.nn.core;

    provides dev.nn.core.spi.Activation with com.example.nnswish.Swish;
}
