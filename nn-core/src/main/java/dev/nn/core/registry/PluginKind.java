package dev.nn.core.registry;

import dev.nn.core.layer.LayerType;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Plugin;
import dev.nn.core.spi.Regularizer;
import dev.nn.core.spi.UpdateRule;
import dev.nn.core.spi.WeightInitializer;
import java.util.List;

/**
 * One kind of plugin: its service interface and the word used for it in messages.
 *
 * @param <T> the service interface
 */
public final class PluginKind<T extends Plugin> {

    /** Activations ({@link Activation}). */
    public static final PluginKind<Activation> ACTIVATION = new PluginKind<>("activation", Activation.class);
    /** Costs ({@link Cost}). */
    public static final PluginKind<Cost> COST = new PluginKind<>("cost", Cost.class);
    /** Regularizers ({@link Regularizer}). */
    public static final PluginKind<Regularizer> REGULARIZER = new PluginKind<>("regularizer", Regularizer.class);
    /** Weight initializers ({@link WeightInitializer}). */
    public static final PluginKind<WeightInitializer> INITIALIZER =
            new PluginKind<>("initializer", WeightInitializer.class);

    /** Update rules ({@link UpdateRule}). */
    public static final PluginKind<UpdateRule> UPDATE_RULE = new PluginKind<>("update rule", UpdateRule.class);

    /** Layer types ({@link LayerType}). */
    public static final PluginKind<LayerType> LAYER = new PluginKind<>("layer", LayerType.class);

    private static final List<PluginKind<?>> ALL = List.of(ACTIVATION, COST, REGULARIZER, INITIALIZER, UPDATE_RULE,
            LAYER);

    private final String word;
    private final Class<T> type;

    private PluginKind(String word, Class<T> type) {
        this.word = word;
        this.type = type;
    }

    /** Returns every kind, in a fixed order. */
    public static List<PluginKind<?>> all() {
        return ALL;
    }

    /** Returns the word used in messages, such as {@code "activation"}. */
    public String word() {
        return word;
    }

    /** Returns the service interface. */
    public Class<T> type() {
        return type;
    }

    @Override
    public String toString() {
        return word;
    }
}
