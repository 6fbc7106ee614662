package dev.nn.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.nn.core.network.NetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a training run on MNIST is, whatever launched it: {@code nn train}'s flags, a checkpoint, a
 * sweep's trial, a preset or a program of one's own. Immutable and checked as it is made: a spec
 * that exists is valid, and what is wrong is a {@link UsageException} naming the flag, with the
 * message {@code nn train} prints. Plugins are named by id (with {@code id:name=value} parameters);
 * that they are installed is checked when a {@link TrainingRun} builds the network. How a run is
 * executed (threads, the MNIST directory) is not part of it. {@link #toJson} and {@link #fromJson}
 * are its one codec; {@link #args} gives the {@code nn train} flags that make it.
 *
 * @param layers layer sizes, 784 inputs first and 10 outputs last
 * @param seed the seed of the initial weights, the shuffles and the dropout masks
 * @param trainSize train on the first N training images, or null for all
 * @param epochs epochs, at least 1
 * @param batchSize mini-batch size, at least 1
 * @param eta learning rate, finite and above 0
 * @param l1 the book's L1 lambda (0: none)
 * @param l2 the L2 lambda (0: none)
 * @param regularizers further regularizers by id with their lambda, in the order they apply
 * @param optimizer the update rule as {@code id[:name=value,...]}, or null for sgd (momentum with {@code momentum})
 * @param momentum the momentum coefficient in [0, 1), or null
 * @param dropout the probability of dropping a hidden unit in training, in [0, 1)
 * @param cost the cost id
 * @param activation the hidden layers' activation
 * @param outputActivation the output layer's activation, or null for softmax with log-likelihood, sigmoid otherwise
 * @param init the weight initializer id
 * @param monitor whether cost and accuracy are measured on the training and test data every epoch
 * @param expand whether every training image is added shifted by one pixel in each direction
 * @param weightStats whether weights.csv records what the weights do
 * @param validation whether to train on 50000 images and measure on the last 10000
 * @param earlyStop stop after this many epochs without improvement, or null
 * @param schedule whether eta halves after 10 epochs without improvement
 * @param net the layers in the {@code --net} syntax ({@link NetSpec}), such as
 *     {@code dense:100,dropout:0.5,dense:10}, in place of {@code layers} and {@code dropout}; null for those
 * @param shuffle whether each epoch shuffles the training images (false: network3.py's fixed order)
 * @param penaltiesPerBatch whether the penalties are divided by the number of mini-batches
 *     (network3.py) instead of the number of training images
 * @param keepBest whether the model of the epoch with the best test (or validation) accuracy is
 *     kept in the run directory as best-model.json
 */
public record RunSpec(List<Integer> layers, long seed, Integer trainSize, int epochs, int batchSize, double eta,
        double l1, double l2, Map<String, Double> regularizers, String optimizer, Double momentum, double dropout,
        String cost, String activation, String outputActivation, String init, boolean monitor, boolean expand,
        boolean weightStats, boolean validation, Integer earlyStop, boolean schedule, String net, boolean shuffle,
        boolean penaltiesPerBatch, boolean keepBest) {

    /** MNIST's pixels per image. */
    public static final int INPUTS = 784;
    /** MNIST's classes. */
    public static final int OUTPUTS = 10;

    /** Copies the collections and checks every value, in the order nn train reports them. */
    public RunSpec {
        layers = List.copyOf(layers);
        regularizers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(regularizers));
        check(epochs >= 1, "--epochs must be >= 1, got " + epochs);
        check(batchSize >= 1, "--batch-size must be >= 1, got " + batchSize);
        check(eta > 0 && Double.isFinite(eta), "--eta must be a finite number > 0, got " + eta);
        check(l1 >= 0 && Double.isFinite(l1), "--l1 must be a finite number >= 0, got " + l1);
        check(l2 >= 0 && Double.isFinite(l2), "--l2 must be a finite number >= 0, got " + l2);
        check(trainSize == null || trainSize >= 1, "--train-size must be >= 1, got " + trainSize);
        check(earlyStop == null || earlyStop >= 1, "--early-stop must be >= 1, got " + earlyStop);
        check(dropout >= 0 && dropout < 1, "--dropout must be a probability in [0, 1), got " + dropout);
        check(momentum == null || momentum >= 0 && momentum < 1, "--momentum must be in [0, 1), got " + momentum);
        check(layers.size() >= 2 && layers.stream().allMatch(n -> n != null && n >= 1), "--layers must be at least two"
                + " sizes of at least 1, got " + layers);
        check(layers.get(0) == INPUTS, "--layers must start with 784 inputs (28x28 MNIST pixels), got "
                + layers.get(0));
        check(layers.get(layers.size() - 1) == OUTPUTS, "--layers must end with 10 outputs (the digits), got "
                + layers.get(layers.size() - 1));
        check(dropout == 0 || layers.size() > 2, "--dropout drops hidden units, and --layers " + joined(layers)
                + " has no hidden layer");
        int available = (validation ? 50000 : 60000) * (expand ? 5 : 1);
        String with = validation && expand ? " with --validation and --expand"
                : validation ? " with --validation" : expand ? " with --expand" : "";
        check(trainSize == null || trainSize <= available, "--train-size must be at most " + available + with
                + ", got " + trainSize);
        for (Map.Entry<String, Double> r : regularizers.entrySet()) {
            check(r.getValue() != null && r.getValue() >= 0 && Double.isFinite(r.getValue()), "--regularizer "
                    + r.getKey() + " must have a finite lambda >= 0, got " + r.getValue());
        }
        if (net != null) {
            try {
                NetSpec.parse(net);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--net: " + e.getMessage());
            }
            check(layers.equals(List.of(INPUTS, 30, OUTPUTS)), "--net gives the layers: leave out --layers");
            check(dropout == 0, "--net gives the layers: write dropout as a layer, such as dense:100,dropout:0.5,dense:10,"
                    + " instead of --dropout");
        }
        for (String id : new String[] {cost, activation, init}) {
            check(id != null && !id.isBlank(), "a run needs a cost, an activation and an initializer id");
        }
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }

    /** Returns the sizes as {@code --layers} takes them, such as {@code 784,30,10}. */
    public static String joined(List<Integer> sizes) {
        return String.join(",", sizes.stream().map(String::valueOf).toList());
    }

    /** Returns a builder with {@code nn train}'s defaults: 784-30-10, seed 3, 30 epochs, batch 10, eta 0.5, sgd. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns a builder that starts from this spec. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.layers = new ArrayList<>(layers);
        b.seed = seed;
        b.trainSize = trainSize;
        b.epochs = epochs;
        b.batchSize = batchSize;
        b.eta = eta;
        b.l1 = l1;
        b.l2 = l2;
        b.regularizers = new LinkedHashMap<>(regularizers);
        b.optimizer = optimizer;
        b.momentum = momentum;
        b.dropout = dropout;
        b.cost = cost;
        b.activation = activation;
        b.outputActivation = outputActivation;
        b.init = init;
        b.monitor = monitor;
        b.expand = expand;
        b.weightStats = weightStats;
        b.validation = validation;
        b.earlyStop = earlyStop;
        b.schedule = schedule;
        b.net = net;
        b.shuffle = shuffle;
        b.penaltiesPerBatch = penaltiesPerBatch;
        b.keepBest = keepBest;
        return b;
    }

    /** Returns the output activation the run uses: the given one, or softmax with log-likelihood, sigmoid otherwise. */
    public String outputActivationOrDefault() {
        if (outputActivation != null) {
            return outputActivation;
        }
        return cost.equals("log-likelihood") ? "softmax" : "sigmoid";
    }

    /**
     * Returns the {@code nn train} flags that make this spec, defaults left out: parsed by
     * {@code nn train} they give this spec again.
     */
    public List<String> args() {
        RunSpec d = builder().build();
        List<String> args = new ArrayList<>();
        if (net != null) {
            args.addAll(List.of("--net", net));
        }
        if (!layers.equals(d.layers)) {
            args.addAll(List.of("--layers", joined(layers)));
        }
        if (seed != d.seed) {
            args.addAll(List.of("--seed", Long.toString(seed)));
        }
        if (trainSize != null) {
            args.addAll(List.of("--train-size", trainSize.toString()));
        }
        if (epochs != d.epochs) {
            args.addAll(List.of("--epochs", Integer.toString(epochs)));
        }
        if (batchSize != d.batchSize) {
            args.addAll(List.of("--batch-size", Integer.toString(batchSize)));
        }
        if (eta != d.eta) {
            args.addAll(List.of("--eta", Double.toString(eta)));
        }
        if (l1 != 0) {
            args.addAll(List.of("--l1", Double.toString(l1)));
        }
        if (l2 != 0) {
            args.addAll(List.of("--l2", Double.toString(l2)));
        }
        regularizers.forEach((id, lambda) -> args.addAll(List.of("--regularizer", id + "=" + lambda)));
        if (optimizer != null) {
            args.addAll(List.of("--optimizer", optimizer));
        }
        if (momentum != null) {
            args.addAll(List.of("--momentum", Double.toString(momentum)));
        }
        if (dropout != 0) {
            args.addAll(List.of("--dropout", Double.toString(dropout)));
        }
        if (!cost.equals(d.cost)) {
            args.addAll(List.of("--cost", cost));
        }
        if (!activation.equals(d.activation)) {
            args.addAll(List.of("--activation", activation));
        }
        if (outputActivation != null) {
            args.addAll(List.of("--output-activation", outputActivation));
        }
        if (!init.equals(d.init)) {
            args.addAll(List.of("--init", init));
        }
        addFlag(args, monitor, "--monitor");
        addFlag(args, expand, "--expand");
        addFlag(args, weightStats, "--weight-stats");
        addFlag(args, validation, "--validation");
        if (earlyStop != null) {
            args.addAll(List.of("--early-stop", earlyStop.toString()));
        }
        addFlag(args, schedule, "--schedule");
        addFlag(args, !shuffle, "--no-shuffle");
        addFlag(args, penaltiesPerBatch, "--penalties-per-batch");
        addFlag(args, keepBest, "--keep-best");
        return args;
    }

    private static void addFlag(List<String> args, boolean on, String flag) {
        if (on) {
            args.add(flag);
        }
    }

    /** Returns the spec as JSON: every field by name, in the record's order; nulls left out. */
    public JsonObject toJsonObject() {
        JsonObject o = new JsonObject();
        JsonArray sizes = new JsonArray();
        layers.forEach(sizes::add);
        o.add("layers", sizes);
        o.addProperty("seed", seed);
        o.addProperty("trainSize", trainSize);
        o.addProperty("epochs", epochs);
        o.addProperty("batchSize", batchSize);
        o.addProperty("eta", eta);
        o.addProperty("l1", l1);
        o.addProperty("l2", l2);
        JsonObject regs = new JsonObject();
        regularizers.forEach(regs::addProperty);
        o.add("regularizers", regs);
        o.addProperty("optimizer", optimizer);
        o.addProperty("momentum", momentum);
        o.addProperty("dropout", dropout);
        o.addProperty("cost", cost);
        o.addProperty("activation", activation);
        o.addProperty("outputActivation", outputActivation);
        o.addProperty("init", init);
        o.addProperty("monitor", monitor);
        o.addProperty("expand", expand);
        o.addProperty("weightStats", weightStats);
        o.addProperty("validation", validation);
        o.addProperty("earlyStop", earlyStop);
        o.addProperty("schedule", schedule);
        o.addProperty("net", net);
        o.addProperty("shuffle", shuffle);
        o.addProperty("penaltiesPerBatch", penaltiesPerBatch);
        o.addProperty("keepBest", keepBest);
        List<String> empty = new ArrayList<>();
        o.entrySet().forEach(e -> {
            if (e.getValue().isJsonNull()) {
                empty.add(e.getKey());
            }
        });
        empty.forEach(o::remove);
        return o;
    }

    /**
     * Names the fields in which {@code other} differs from this spec, this spec's value first, as
     * {@code epochs 2, not 3; l2 0.0, not 0.2}, each field by its {@code nn train} flag's name; or
     * null if they are the same run.
     */
    public String differenceFrom(RunSpec other) {
        JsonObject had = toJsonObject();
        JsonObject wanted = other.toJsonObject();
        java.util.Set<String> fields = new java.util.LinkedHashSet<>(had.keySet());
        fields.addAll(wanted.keySet());
        List<String> parts = new ArrayList<>();
        for (String field : fields) {
            if (!java.util.Objects.equals(had.get(field), wanted.get(field))) {
                parts.add(field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT) + " "
                        + shown(had.get(field)) + ", not " + shown(wanted.get(field)));
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String shown(com.google.gson.JsonElement value) {
        if (value == null) {
            return "unset";
        }
        return value.isJsonPrimitive() ? value.getAsString() : value.toString();
    }

    /** Returns the spec as one line of JSON ({@link #toJsonObject}). */
    public String toJson() {
        return toJsonObject().toString();
    }

    /**
     * Reads a spec that {@link #toJson} wrote; a field it leaves out takes {@code nn train}'s default.
     *
     * @throws IllegalArgumentException naming the field if the JSON is not such a spec
     * @throws UsageException if a value is out of its range
     */
    public static RunSpec fromJson(String json) {
        JsonObject o;
        try {
            o = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IllegalArgumentException("not a run spec: " + e.getMessage(), e);
        }
        return fromJson(o);
    }

    /** Reads a spec from its {@link #toJsonObject} form; see {@link #fromJson(String)}. */
    public static RunSpec fromJson(JsonObject o) {
        Builder b = builder();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            String key = e.getKey();
            JsonElement v = e.getValue();
            try {
                switch (key) {
                    case "layers" -> {
                        List<Integer> sizes = new ArrayList<>();
                        v.getAsJsonArray().forEach(n -> sizes.add(n.getAsInt()));
                        b.layers(sizes);
                    }
                    case "seed" -> b.seed(v.getAsLong());
                    case "trainSize" -> b.trainSize(v.getAsInt());
                    case "epochs" -> b.epochs(v.getAsInt());
                    case "batchSize" -> b.batchSize(v.getAsInt());
                    case "eta" -> b.eta(v.getAsDouble());
                    case "l1" -> b.l1(v.getAsDouble());
                    case "l2" -> b.l2(v.getAsDouble());
                    case "regularizers" -> v.getAsJsonObject().entrySet()
                            .forEach(r -> b.regularizer(r.getKey(), r.getValue().getAsDouble()));
                    case "optimizer" -> b.optimizer(v.getAsString());
                    case "momentum" -> b.momentum(v.getAsDouble());
                    case "dropout" -> b.dropout(v.getAsDouble());
                    case "cost" -> b.cost(v.getAsString());
                    case "activation" -> b.activation(v.getAsString());
                    case "outputActivation" -> b.outputActivation(v.getAsString());
                    case "init" -> b.init(v.getAsString());
                    case "monitor" -> b.monitor(v.getAsBoolean());
                    case "expand" -> b.expand(v.getAsBoolean());
                    case "weightStats" -> b.weightStats(v.getAsBoolean());
                    case "validation" -> b.validation(v.getAsBoolean());
                    case "earlyStop" -> b.earlyStop(v.getAsInt());
                    case "schedule" -> b.schedule(v.getAsBoolean());
                    case "net" -> b.net(v.getAsString());
                    case "shuffle" -> b.shuffle(v.getAsBoolean());
                    case "penaltiesPerBatch" -> b.penaltiesPerBatch(v.getAsBoolean());
                    case "keepBest" -> b.keepBest(v.getAsBoolean());
                    default -> throw new IllegalArgumentException("unknown field '" + key + "'");
                }
            } catch (UnsupportedOperationException | IllegalStateException | NumberFormatException e2) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "field '%s': %s is not of its type", key,
                        v), e2);
            }
        }
        return b.build();
    }

    /** Builds a {@link RunSpec}, starting from {@code nn train}'s defaults. */
    public static final class Builder {
        private List<Integer> layers = new ArrayList<>(List.of(784, 30, 10));
        private long seed = 3;
        private Integer trainSize;
        private int epochs = 30;
        private int batchSize = 10;
        private double eta = 0.5;
        private double l1;
        private double l2;
        private Map<String, Double> regularizers = new LinkedHashMap<>();
        private String optimizer;
        private Double momentum;
        private double dropout;
        private String cost = "cross-entropy";
        private String activation = "sigmoid";
        private String outputActivation;
        private String init = "default";
        private boolean monitor;
        private boolean expand;
        private boolean weightStats;
        private boolean validation;
        private Integer earlyStop;
        private String net;
        private boolean schedule;
        private boolean shuffle = true;
        private boolean penaltiesPerBatch;
        private boolean keepBest;

        private Builder() {
        }

        /** Sets the layer sizes, input first. */
        public Builder layers(List<Integer> sizes) {
            this.layers = new ArrayList<>(sizes);
            return this;
        }

        /** Sets the layer sizes, input first. */
        public Builder layers(int... sizes) {
            this.layers = new ArrayList<>();
            for (int n : sizes) {
                layers.add(n);
            }
            return this;
        }

        /** Sets the seed. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Trains on the first {@code n} training images (null: all). */
        public Builder trainSize(Integer n) {
            this.trainSize = n;
            return this;
        }

        /** Sets the epochs. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Sets the mini-batch size. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Sets the learning rate. */
        public Builder eta(double eta) {
            this.eta = eta;
            return this;
        }

        /** Sets the book's L1 lambda. */
        public Builder l1(double lambda) {
            this.l1 = lambda;
            return this;
        }

        /** Sets the L2 lambda. */
        public Builder l2(double lambda) {
            this.l2 = lambda;
            return this;
        }

        /** Adds a regularizer by id with its lambda, applied after L2 and L1 in the order added. */
        public Builder regularizer(String id, double lambda) {
            this.regularizers.put(id, lambda);
            return this;
        }

        /** Replaces the regularizers added so far. */
        public Builder regularizers(Map<String, Double> regularizers) {
            this.regularizers = new LinkedHashMap<>(regularizers);
            return this;
        }

        /** Sets the update rule, as {@code id[:name=value,...]} (null: sgd). */
        public Builder optimizer(String spec) {
            this.optimizer = spec;
            return this;
        }

        /** Sets the momentum coefficient (null: none). */
        public Builder momentum(Double mu) {
            this.momentum = mu;
            return this;
        }

        /** Sets the dropout probability of the hidden units. */
        public Builder dropout(double p) {
            this.dropout = p;
            return this;
        }

        /** Sets the cost id. */
        public Builder cost(String id) {
            this.cost = id;
            return this;
        }

        /** Sets the hidden layers' activation id. */
        public Builder activation(String id) {
            this.activation = id;
            return this;
        }

        /** Sets the output layer's activation id (null: the cost's default). */
        public Builder outputActivation(String id) {
            this.outputActivation = id;
            return this;
        }

        /** Sets the weight initializer id. */
        public Builder init(String id) {
            this.init = id;
            return this;
        }

        /** Measures cost and accuracy on the training and test data every epoch. */
        public Builder monitor(boolean on) {
            this.monitor = on;
            return this;
        }

        /** Adds every training image shifted by one pixel each way. */
        public Builder expand(boolean on) {
            this.expand = on;
            return this;
        }

        /** Records weights.csv. */
        public Builder weightStats(boolean on) {
            this.weightStats = on;
            return this;
        }

        /** Trains on 50000 images and measures on the last 10000. */
        public Builder validation(boolean on) {
            this.validation = on;
            return this;
        }

        /** Stops after {@code epochs} epochs without improvement (null: never). */
        public Builder earlyStop(Integer epochs) {
            this.earlyStop = epochs;
            return this;
        }

        /** Halves eta after 10 epochs without improvement. */
        public Builder schedule(boolean on) {
            this.schedule = on;
            return this;
        }

        /** Sets the layers in the {@code --net} syntax (null: {@code layers} and {@code dropout} give them). */
        public Builder net(String layers) {
            this.net = layers;
            return this;
        }

        /** Shuffles the training images every epoch (default) or keeps their order (network3.py). */
        public Builder shuffle(boolean on) {
            this.shuffle = on;
            return this;
        }

        /** Divides the penalties by the number of mini-batches (network3.py) instead of the images. */
        public Builder penaltiesPerBatch(boolean on) {
            this.penaltiesPerBatch = on;
            return this;
        }

        /** Keeps the model of the best epoch as best-model.json. */
        public Builder keepBest(boolean on) {
            this.keepBest = on;
            return this;
        }

        /**
         * Returns the spec.
         *
         * @throws UsageException naming the flag whose value is out of its range
         */
        public RunSpec build() {
            return new RunSpec(layers, seed, trainSize, epochs, batchSize, eta, l1, l2, regularizers, optimizer,
                    momentum, dropout, cost, activation, outputActivation, init, monitor, expand, weightStats,
                    validation, earlyStop, schedule, net, shuffle, penaltiesPerBatch, keepBest);
        }
    }
}
