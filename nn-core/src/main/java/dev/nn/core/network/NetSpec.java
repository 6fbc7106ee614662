package dev.nn.core.network;

import dev.nn.core.spi.Plugin;
import java.util.ArrayList;
import java.util.List;

/**
 * A network's layers as users write them (the {@code --net} flag): layers in order, input first,
 * separated by commas; each a layer type's id followed by its settings, separated by colons:
 * numbers (the type's hyperparameters in the order {@code nn plugins} lists them),
 * {@code name=number}, or an activation id (its own numbers in parentheses, separated by
 * semicolons). For example {@code dense:100:relu,dropout:0.5,dense:10:softmax} or
 * {@code dense:units=30:leaky-relu(slope=0.1),dense:10}. A layer whose type takes an activation and
 * names none gets the network's hidden activation, or its output activation if it is the last layer.
 *
 * @param layers the layers, at least one
 */
public record NetSpec(List<Entry> layers) {

    /**
     * One layer as written.
     *
     * @param type the layer type's id
     * @param settings the settings after the id, as written
     */
    public record Entry(String type, List<String> settings) {

        /** Copies the settings. */
        public Entry {
            settings = List.copyOf(settings);
        }

        @Override
        public String toString() {
            return settings.isEmpty() ? type : type + ":" + String.join(":", settings);
        }
    }

    /** Copies the layers and checks there is one. */
    public NetSpec {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
    }

    /**
     * Parses the syntax above.
     *
     * @throws IllegalArgumentException naming the layer and what was expected
     */
    public static NetSpec parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> layers = split(text.trim(), ',');
        for (int i = 0; i < layers.size(); i++) {
            String layer = layers.get(i).trim();
            List<String> parts = split(layer, ':');
            String type = parts.get(0).trim();
            if (!Plugin.isValidId(type)) {
                throw new IllegalArgumentException("layer " + (i + 1) + " '" + layer
                        + "': expected a layer type id such as dense, found '" + type + "'");
            }
            List<String> settings = new ArrayList<>();
            for (String part : parts.subList(1, parts.size())) {
                if (part.isBlank()) {
                    throw new IllegalArgumentException("layer " + (i + 1) + " '" + layer + "': an empty setting");
                }
                settings.add(part.trim());
            }
            entries.add(new Entry(type, settings));
        }
        return new NetSpec(entries);
    }

    /** Splits at {@code sep} outside parentheses. */
    private static List<String> split(String text, char sep) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == sep && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Entry e : layers) {
            parts.add(e.toString());
        }
        return String.join(",", parts);
    }
}
