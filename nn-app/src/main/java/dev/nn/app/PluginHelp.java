package dev.nn.app;

import dev.nn.core.registry.PluginKind;
import dev.nn.core.registry.PluginRegistry;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds to the help of every flag that takes a plugin id the ids installed here, plugins included,
 * such as "Installed: leaky-relu, relu, sigmoid, softmax, tanh."
 */
final class PluginHelp {

    private static final Map<String, PluginKind<?>> KIND_OF_FLAG = Map.of(
            "--activation", PluginKind.ACTIVATION,
            "--output-activation", PluginKind.ACTIVATION,
            "--cost", PluginKind.COST,
            "--init", PluginKind.INITIALIZER,
            "--optimizer", PluginKind.UPDATE_RULE,
            "--regularizer", PluginKind.REGULARIZER);

    private PluginHelp() {
    }

    /** Rewrites the descriptions of the plugin flags of {@code cli} and its subcommands. */
    static void addInstalledIds(CommandLine cli, PluginRegistry registry) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            for (OptionSpec option : new java.util.ArrayList<>(spec.options())) {
                PluginKind<?> kind = KIND_OF_FLAG.get(option.longestName());
                if (kind == null) {
                    continue;
                }
                String[] description = option.description().clone();
                int last = description.length - 1;
                description[last] = description[last] + " Installed: " + String.join(", ", registry.ids(kind)) + ".";
                spec.remove(option);
                spec.addOption(option.toBuilder().description(description).build());
            }
        }
    }
}
