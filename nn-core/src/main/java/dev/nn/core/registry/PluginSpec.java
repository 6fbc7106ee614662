package dev.nn.core.registry;

import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Plugin;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A plugin id with hyperparameter values, as users write it and saved models store it:
 * {@code id} or {@code id:name=value,name=value}, such as {@code momentum:mu=0.5}.
 *
 * @param id the plugin id
 * @param values the values set, in the order given
 */
public record PluginSpec(String id, Map<String, Double> values) {

    /** Copies the values. */
    public PluginSpec {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * Parses {@code id[:name=value,...]}.
     *
     * @throws PluginException naming the part that is not {@code name=number}
     */
    public static PluginSpec parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new PluginSpec(text.trim(), Map.of());
        }
        Map<String, Double> values = new LinkedHashMap<>();
        for (String part : text.substring(colon + 1).split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 1) {
                throw new PluginException("'" + text + "': expected id:name=value,name=value, found '" + part + "'");
            }
            String name = part.substring(0, eq).trim();
            try {
                values.put(name, Double.parseDouble(part.substring(eq + 1).trim()));
            } catch (NumberFormatException e) {
                throw new PluginException("'" + text + "': the value of " + name + " must be a number, found '"
                        + part.substring(eq + 1) + "'");
            }
        }
        return new PluginSpec(text.substring(0, colon).trim(), values);
    }

    /**
     * Returns how {@code plugin} is written: its id, followed by every hyperparameter whose value is
     * set, so that {@link PluginRegistry#get(PluginKind, String)} of the result gives the same plugin.
     */
    public static String format(Plugin plugin) {
        StringBuilder s = new StringBuilder(plugin.id());
        char sep = ':';
        for (Hyperparameter h : plugin.hyperparameters()) {
            s.append(sep).append(h.name()).append('=').append(number(h.value()));
            sep = ',';
        }
        return s.toString();
    }

    /** A whole number as {@code 30.0} (what {@code %.1f} gives, without a Formatter), any other as Double.toString does. */
    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return (v == 0 && 1 / v < 0 ? "-0" : Long.toString((long) v)) + ".0";
        }
        return Double.toString(v);
    }
}
