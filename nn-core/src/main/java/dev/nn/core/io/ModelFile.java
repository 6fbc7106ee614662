package dev.nn.core.io;

import com.google.gson.stream.JsonWriter;
import dev.nn.core.layer.Layer;
import dev.nn.core.layer.ParameterBlock;
import dev.nn.core.layer.Shape;
import dev.nn.core.network.Network;
import dev.nn.core.network.Regularization;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.core.registry.PluginSpec;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Parameter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import dev.nn.core.spi.Matrix;

/**
 * Saves and loads networks as JSON that network2.py's {@code load()} reads.
 *
 * <p>The keys {@code sizes}, {@code weights} ({@code [layer][j][k]}), {@code biases}
 * ({@code [layer][j][0]}, column vectors) and {@code cost} (network2.py's class name, such as
 * {@code CrossEntropyCost}) are network2.py's. nn adds {@code format}, {@code formatVersion},
 * {@code costId}, {@code activations} (one plugin spec per layer, such as {@code "sigmoid"} or
 * {@code "leaky-relu:slope=0.1"}), {@code layers} (the source of truth: each layer's type id, its
 * output {@code units}, its type's other hyperparameters by name, its {@code activation} if it
 * takes one, and any parameter block other than weights and biases under {@code parameters}),
 * {@code inputShape} ({@code [channels, height, width]}, only when the input is not a plain vector),
 * {@code regularization}
 * ({@code [{"id": "l2", "lambda": 0.2}]}), {@code updateRule} (a spec, such as
 * {@code "momentum:mu=0.9"}) and {@code dropout}. {@code weights} and {@code biases} hold the blocks of
 * those names of every layer with parameters, in order ({@code []} for a layer without). Numbers are written in full precision, so a round
 * trip is bit-exact. A file written by network2.py itself loads as sigmoid layers trained by sgd.
 */
public final class ModelFile {

    /** The value of the {@code format} key. */
    public static final String FORMAT = "nn-model";
    /** The version this release writes and reads. */
    public static final int VERSION = 1;

    private ModelFile() {
    }

    /**
     * Writes the model to {@code path} atomically.
     *
     * @throws IllegalArgumentException if a parameter is not finite (JSON cannot hold it)
     * @throws IOException naming the path if it cannot be written
     */
    public static void write(Path path, SavedModel model) throws IOException {
        Network net = model.network();
        if (!net.isFinite()) {
            throw new IllegalArgumentException("cannot save " + path + ": the network has non-finite parameters");
        }
        AtomicFiles.write(path, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            JsonWriter json = new JsonWriter(writer);
            writeModel(json, model);
            json.flush();
        });
    }

    private static void writeModel(JsonWriter json, SavedModel model) throws IOException {
        Network net = model.network();
        json.beginObject();
        json.name("format").value(FORMAT);
        json.name("formatVersion").value(VERSION);
        json.name("sizes").beginArray();
        for (int size : net.sizes()) {
            json.value(size);
        }
        json.endArray();
        json.name("cost").value(Network2Names.className(net.cost().id()));
        json.name("costId").value(PluginSpec.format(net.cost())); // with its parameters, as the others
        json.name("activations").beginArray();
        for (String id : activationIds(net)) {
            json.value(id); // null for a layer without one
        }
        json.endArray();
        Shape input = net.inputShape();
        if (!input.isVector()) {
            json.name("inputShape").beginArray().value(input.channels()).value(input.height()).value(input.width())
                    .endArray();
        }
        writeLayers(json, model);
        json.name("regularization").beginArray();
        for (Regularization r : model.regularization()) {
            json.beginObject().name("id").value(PluginSpec.format(r.regularizer())).name("lambda").value(r.lambda())
                    .endObject();
        }
        json.endArray();
        json.name("updateRule").value(model.updateRule());
        json.name("dropout").value(model.network().dropout());
        json.name("weights").beginArray();
        for (int l = 0; l < net.layerCount(); l++) {
            json.beginArray();
            if (has(net.parameterLayer(l), Parameter.WEIGHTS)) {
                Matrix w = net.weights(l);
                for (int j = 0; j < w.rows(); j++) {
                    json.beginArray();
                    for (int k = 0; k < w.cols(); k++) {
                        json.value(w.get(j, k));
                    }
                    json.endArray();
                }
            }
            json.endArray();
        }
        json.endArray();
        json.name("biases").beginArray();
        for (int l = 0; l < net.layerCount(); l++) {
            json.beginArray();
            if (has(net.parameterLayer(l), Parameter.BIASES)) {
                Matrix b = net.biases(l);
                for (int j = 0; j < b.rows(); j++) {
                    json.beginArray().value(b.get(j, 0)).endArray();
                }
            }
            json.endArray();
        }
        json.endArray();
        json.endObject();
    }

    static boolean has(Layer layer, String block) {
        return ParameterBlock.indexOf(layer.parameters(), block) >= 0;
    }

    /** Returns true for the blocks stored in the network2.py keys {@code weights} and {@code biases}. */
    static boolean isNetwork2Block(String name) {
        return name.equals(Parameter.WEIGHTS) || name.equals(Parameter.BIASES);
    }

    /** The layers in order, as {@link Network#layers()} gives them. */
    private static void writeLayers(JsonWriter json, SavedModel model) throws IOException {
        json.name("layers").beginArray();
        for (Layer layer : model.network().layers()) {
            json.beginObject().name("type").value(layer.type().id()).name("units").value(layer.outputShape().size());
            for (Hyperparameter h : layer.type().hyperparameters()) {
                if (!h.name().equals("units")) {
                    json.name(h.name()).value(h.value());
                }
            }
            if (layer.activation() != null) {
                json.name("activation").value(PluginSpec.format(layer.activation()));
            }
            boolean own = false;
            for (ParameterBlock block : layer.parameters()) {
                if (!isNetwork2Block(block.name())) {
                    if (!own) {
                        json.name("parameters").beginObject();
                        own = true;
                    }
                    json.name(block.name()).beginArray();
                    for (double[] row : block.rows()) {
                        json.beginArray();
                        for (double v : row) {
                            json.value(v);
                        }
                        json.endArray();
                    }
                    json.endArray();
                }
            }
            if (own) {
                json.endObject();
            }
            json.endObject();
        }
        json.endArray();
    }

    /**
     * Reads a model, resolving plugin ids with {@code registry}.
     *
     * @throws ModelFormatException naming the file, the field and what was expected, if anything is
     *     missing, misshapen, not finite or names an unknown plugin
     * @throws IOException if the file cannot be read
     */
    public static SavedModel read(Path path, PluginRegistry registry) throws IOException {
        return new ModelReader(path, registry).read();
    }

    /** The {@code activations} summary of a model file: each layer's activation with its settings, null where none. */
    static List<String> activationIds(Network net) {
        List<String> ids = new java.util.ArrayList<>();
        for (int l = 0; l < net.layerCount(); l++) {
            ids.add(net.activation(l) == null ? null : PluginSpec.format(net.activation(l)));
        }
        return ids;
    }
}
