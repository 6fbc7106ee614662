package dev.nn.core.registry;

import dev.nn.core.logging.Logs;
import dev.nn.core.spi.Activation;
import dev.nn.core.spi.Cost;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Plugin;
import dev.nn.core.spi.Regularizer;
import dev.nn.core.spi.UpdateRule;
import dev.nn.core.spi.WeightInitializer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * The installed plugins of every kind, looked up by id.
 *
 * <p>Built once, from {@link java.util.ServiceLoader} ({@link #load()}) or from an explicit list
 * ({@link #of}); immutable afterwards, so one instance can be shared freely. Problems do not stop
 * the other plugins from working: a provider that cannot be loaded is reported in
 * {@link #problems()} and skipped, and an id claimed twice fails only when it is looked up, with a
 * message naming both classes and where they came from.
 */
public final class PluginRegistry {

    private static final Logger log = Logs.of(PluginRegistry.class);

    private final Map<PluginKind<?>, Map<String, Entry>> byKind = new LinkedHashMap<>();
    private final List<PluginProblem> problems;

    private PluginRegistry(List<Entry> entries, List<PluginProblem> problems) {
        for (PluginKind<?> kind : PluginKind.all()) {
            byKind.put(kind, new TreeMap<>());
        }
        List<PluginProblem> all = new ArrayList<>(problems);
        for (Entry entry : entries) {
            Map<String, Entry> ids = byKind.get(entry.info.kind());
            Entry earlier = ids.get(entry.info.id());
            if (earlier == null) {
                ids.put(entry.info.id(), entry);
            } else if (earlier.builtIn() != entry.builtIn()) {
                // a plugin may not take a built-in's id: the built-in stays, which runs may depend on by default
                Entry builtIn = earlier.builtIn() ? earlier : entry;
                Entry refused = earlier.builtIn() ? entry : earlier;
                ids.put(entry.info.id(), builtIn);
                all.add(new PluginProblem(refused.info.kind(), refused.info.className(), refused.info.source(),
                        "Cannot use " + refused.info.kind().word() + " provider " + refused.info.className() + " (from "
                        + refused.info.source() + "): its id '" + refused.info.id() + "' is the built-in "
                        + builtIn.info.className() + "'s; choose another id (the built-in stays)"));
            } else {
                Entry clash = earlier.withDuplicate(entry);
                ids.put(entry.info.id(), clash);
                all.add(new PluginProblem(entry.info.kind(), entry.info.className(), entry.info.source(),
                        clash.duplicateMessage()));
            }
        }
        this.problems = List.copyOf(all);
        this.problems.forEach(p -> log.warn(p.message()));
    }

    /** Discovers the plugins visible to the thread's context class loader. */
    public static PluginRegistry load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader != null ? loader : PluginRegistry.class.getClassLoader());
    }

    /** Discovers the plugins visible to {@code loader}, such as one that includes a plugin directory. */
    public static PluginRegistry load(ClassLoader loader) {
        List<Entry> entries = new ArrayList<>();
        List<PluginProblem> problems = new ArrayList<>();
        for (PluginKind<?> kind : PluginKind.all()) {
            ServiceDiscovery.discover(kind, loader, List.of(), entries, problems);
        }
        return new PluginRegistry(entries, problems);
    }

    /**
     * Discovers the plugins visible to {@code loader}, which {@code jars} made ({@link
     * PluginJars#classLoader}), with the problems of the jars skipped and the providers their module
     * descriptors declare.
     */
    public static PluginRegistry load(ClassLoader loader, PluginJars jars) {
        List<Entry> entries = new ArrayList<>();
        List<PluginProblem> problems = new ArrayList<>(jars.problems());
        for (PluginKind<?> kind : PluginKind.all()) {
            ServiceDiscovery.discover(kind, loader, jars.moduleProviders().getOrDefault(kind.type().getName(),
                    List.of()), entries, problems);
        }
        return new PluginRegistry(entries, problems);
    }

    /** Builds a registry from explicit instances, as tests and embedded uses do. */
    public static PluginRegistry of(Collection<? extends Plugin> plugins) {
        List<Entry> entries = new ArrayList<>();
        List<PluginProblem> problems = new ArrayList<>();
        for (Plugin plugin : plugins) {
            for (PluginKind<?> kind : PluginKind.all()) {
                if (kind.type().isInstance(plugin)) {
                    Entry.create(kind, plugin, Sources.of(plugin.getClass()), entries, problems);
                }
            }
        }
        return new PluginRegistry(entries, problems);
    }

    /**
     * Returns the plugin of the given kind and id.
     *
     * @throws PluginException if no plugin has the id (the message lists the known ids), or if two
     *     providers claim it (the message names both)
     */
    public <T extends Plugin> T get(PluginKind<T> kind, String id) {
        if (id.indexOf(':') >= 0) {
            return configured(kind, PluginSpec.parse(id));
        }
        Entry entry = byKind.get(kind).get(id);
        if (entry == null) {
            throw new PluginException("Unknown " + kind.word() + " '" + id + "'; known " + kind.word() + "s: "
                    + String.join(", ", ids(kind)));
        }
        if (entry.duplicate != null) {
            throw new PluginException(entry.duplicateMessage());
        }
        return kind.type().cast(entry.plugin);
    }

    /**
     * Returns the plugin of a spec such as {@code momentum:mu=0.5}: the registered instance with
     * the given hyperparameters set.
     *
     * @throws PluginException naming the plugin and the parameter if a name is not one it takes
     *     (listing those it does) or a value is out of range
     */
    public <T extends Plugin> T configured(PluginKind<T> kind, PluginSpec spec) {
        T plugin = get(kind, spec.id());
        if (spec.values().isEmpty()) {
            return plugin;
        }
        List<String> names = plugin.hyperparameters().stream().map(h -> h.name()).collect(Collectors.toList());
        for (String name : spec.values().keySet()) {
            if (!names.contains(name)) {
                throw new PluginException(kind.word() + " '" + spec.id() + "' has no parameter '" + name + "'; "
                        + (names.isEmpty() ? "it takes none" : "it takes: " + String.join(", ", names)));
            }
        }
        try {
            Plugin configured = plugin.withParameters(spec.values());
            if (!kind.type().isInstance(configured) || !configured.id().equals(spec.id())) {
                throw new PluginException(kind.word() + " '" + spec.id() + "': withParameters returned "
                        + configured.getClass().getName() + ", not a " + kind.word() + " with the same id");
            }
            return kind.type().cast(configured);
        } catch (IllegalArgumentException e) {
            throw new PluginException(e.getMessage());
        }
    }

    /** Returns whether a plugin of this kind has the id, or the id of this spec ({@code leaky-relu:slope=0.1}). */
    public boolean has(PluginKind<?> kind, String idOrSpec) {
        return byKind.get(kind).containsKey(idOrSpec.replaceFirst(":.*", ""));
    }

    /** Returns the update rule with this id or spec; see {@link #get}. */
    public UpdateRule updateRule(String id) {
        return get(PluginKind.UPDATE_RULE, id);
    }

    /** Returns the activation with this id; see {@link #get}. */
    public Activation activation(String id) {
        return get(PluginKind.ACTIVATION, id);
    }

    /** Returns the cost with this id; see {@link #get}. */
    public Cost cost(String id) {
        return get(PluginKind.COST, id);
    }

    /** Returns the regularizer with this id; see {@link #get}. */
    public Regularizer regularizer(String id) {
        return get(PluginKind.REGULARIZER, id);
    }

    /** Returns the weight initializer with this id; see {@link #get}. */
    public WeightInitializer initializer(String id) {
        return get(PluginKind.INITIALIZER, id);
    }

    /** Returns the ids of one kind, sorted. */
    public List<String> ids(PluginKind<?> kind) {
        return List.copyOf(byKind.get(kind).keySet());
    }

    /** Returns every usable plugin, by kind and then id. */
    public List<PluginInfo> plugins() {
        return byKind.values().stream()
                .flatMap(m -> m.values().stream())
                .filter(e -> e.duplicate == null)
                .map(e -> e.info)
                .collect(Collectors.toUnmodifiableList());
    }

    /** Returns the jar or directory a class was loaded from, as {@link PluginInfo#source()} names it. */
    public static String sourceOf(Class<?> type) {
        return Sources.of(type);
    }

    /** Returns the providers that were skipped or clash, with a message for each. */
    public List<PluginProblem> problems() {
        return problems;
    }

    /** A registered provider, and the second provider of the same id if there is one. */
    static final class Entry {
        final PluginInfo info;
        final Plugin plugin;
        final PluginInfo duplicate;

        Entry(PluginInfo info, Plugin plugin, PluginInfo duplicate) {
            this.info = info;
            this.plugin = plugin;
            this.duplicate = duplicate;
        }

        static void create(PluginKind<?> kind, Plugin plugin, String source, List<Entry> entries,
                List<PluginProblem> problems) {
            String className = plugin.getClass().getName();
            String id;
            try {
                id = plugin.id();
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(new PluginProblem(kind, className, source, "Cannot use " + kind.word() + " provider "
                        + className + " (from " + source + "): id() threw " + e));
                return;
            }
            if (id == null || id.isBlank()) {
                problems.add(new PluginProblem(kind, className, source, "Cannot use " + kind.word() + " provider "
                        + className + " (from " + source + "): id() returned " + (id == null ? "null" : "a blank id")));
                return;
            }
            if (!Plugin.isValidId(id)) {
                problems.add(new PluginProblem(kind, className, source, "Cannot use " + kind.word() + " provider "
                        + className + " (from " + source + "): its id '" + id + "' is not lower-case letters and"
                        + " digits in words joined by '-', such as leaky-relu"));
                return;
            }
            List<Hyperparameter> parameters;
            try {
                parameters = plugin.hyperparameters();
            } catch (RuntimeException | StackOverflowError e) {
                problems.add(new PluginProblem(kind, className, source, "Cannot use " + kind.word() + " provider "
                        + className + " (from " + source + "): hyperparameters() threw " + e));
                return;
            }
            entries.add(new Entry(new PluginInfo(kind, id, className, source, parameters), plugin, null));
        }

        /** Returns true for nn-core's own plugins: their classes come from where the plugin contract does. */
        boolean builtIn() {
            return plugin.getClass().getName().startsWith("dev.nn.core.")
                    && info.source().equals(Sources.of(Plugin.class));
        }

        Entry withDuplicate(Entry other) {
            return new Entry(info, plugin, duplicate != null ? duplicate : other.info);
        }

        String duplicateMessage() {
            List<PluginInfo> both = new ArrayList<>(List.of(info, duplicate));
            both.sort(Comparator.comparing(PluginInfo::className));
            return "Duplicate " + info.kind().word() + " id '" + info.id() + "': provided by "
                    + both.get(0).className() + " (" + both.get(0).source() + ") and "
                    + both.get(1).className() + " (" + both.get(1).source() + ")";
        }
    }
}
