package dev.nn.core.registry;

import dev.nn.core.logging.Logs;
import dev.nn.core.spi.Plugin;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;

/** Runs {@link ServiceLoader} for one kind, turning every provider failure into a {@link PluginProblem}. */
final class ServiceDiscovery {

    private static final Logger log = Logs.of(ServiceDiscovery.class);
    private static final Pattern PROVIDER = Pattern.compile("(?:Provider (\\S+))|(?:^\\S+: (\\S+) not a subtype)");
    private static final int MAX_FAILURES = 1000;
    /** How long a provider's class initialization and constructor may take. */
    static final int TIMEOUT_SECONDS = 10;

    private ServiceDiscovery() {
    }

    /**
     * Adds the providers of {@code kind} that {@code loader} finds (services files, and the
     * {@code provides} of named modules), then those of {@code moduleProviders} not found yet: the
     * {@code provides} of modular jars on a class loader's path, which the service loader does not read.
     */
    static <T extends Plugin> void discover(PluginKind<T> kind, ClassLoader loader,
            List<String> moduleProviders, List<PluginRegistry.Entry> entries, List<PluginProblem> problems) {
        Map<String, String> declaredIn = Sources.declarations(loader, kind.type());
        Iterator<T> providers = ServiceLoader.load(kind.type(), loader).iterator();
        java.util.Set<String> found = new java.util.HashSet<>();
        int failures = 0;
        // a provider's constructor runs on a thread of its own, waited for a bounded time: one that never
        // returns is named, and the program goes on without it (the thread is a daemon; it cannot be stopped)
        java.util.concurrent.ExecutorService constructing = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "nn-plugin-loading");
            t.setDaemon(true);
            return t;
        });
        try {
            while (failures < MAX_FAILURES) {
                try {
                    if (!bounded(constructing, providers::hasNext)) {
                        break;
                    }
                    T plugin = bounded(constructing, providers::next);
                    String source = Sources.of(plugin.getClass());
                    log.debug("Found {} provider {} in {}", kind.word(), plugin.getClass().getName(), source);
                    found.add(plugin.getClass().getName());
                    PluginRegistry.Entry.create(kind, plugin, source, entries, problems);
                } catch (ServiceConfigurationError e) {
                    failures++;
                    problems.add(problem(kind, e, declaredIn));
                } catch (LinkageError e) {
                    // a class the service loader could not link (a newer class file version, a missing class), or
                    // one whose static initializer threw
                    failures++;
                    problems.add(new PluginProblem(kind, "?", Sources.UNKNOWN, "Cannot load "
                            + ("aeiou".indexOf(kind.word().charAt(0)) >= 0 ? "an " : "a ") + kind.word() + " provider: "
                            + withCause(e)));
                } catch (java.util.concurrent.TimeoutException e) {
                    String hung = declaredIn.keySet().stream().filter(c -> !found.contains(c)
                            && problems.stream().noneMatch(p -> p.className().equals(c))).findFirst().orElse("?");
                    problems.add(new PluginProblem(kind, hung, declaredIn.getOrDefault(hung, Sources.UNKNOWN), "Cannot load "
                            + kind.word() + " provider " + hung + " (declared in " + declaredIn.getOrDefault(hung,
                            Sources.UNKNOWN) + "): it did not return within " + TIMEOUT_SECONDS + " s of being created;"
                            + " the " + kind.word() + " providers after it were not loaded"));
                    break;
                }
            }
        } finally {
            constructing.shutdown();
        }
        for (String className : moduleProviders) {
            if (!found.contains(className)) {
                fromModuleDescriptor(kind, className, loader, entries, problems);
            }
        }
    }

    /** Instantiates a provider a module descriptor names, as the service loader would: provider() or new. */
    private static <T extends Plugin> void fromModuleDescriptor(PluginKind<T> kind, String className,
            ClassLoader loader, List<PluginRegistry.Entry> entries, List<PluginProblem> problems) {
        String source = "?";
        try {
            Class<?> type = Class.forName(className, false, loader);
            source = Sources.of(type);
            Object plugin;
            java.lang.reflect.Method provider = null;
            try {
                provider = type.getMethod("provider");
            } catch (NoSuchMethodException e) {
                // no provider method: the public no-argument constructor
            }
            if (provider != null && java.lang.reflect.Modifier.isStatic(provider.getModifiers())) {
                plugin = provider.invoke(null);
            } else {
                plugin = type.getConstructor().newInstance();
            }
            if (!kind.type().isInstance(plugin)) {
                throw new ClassCastException(className + " is not a " + kind.type().getName());
            }
            log.debug("Found {} provider {} in the module descriptor of {}", kind.word(), className, source);
            PluginRegistry.Entry.create(kind, kind.type().cast(plugin), source, entries, problems);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            problems.add(new PluginProblem(kind, className, source, "Cannot load " + kind.word() + " provider "
                    + className + " (declared by provides in " + source + "): " + withCause(cause)));
        }
    }

    /**
     * Runs {@code step} of the service loader's iteration on the loading thread and waits for it a
     * bounded time, passing on what it throws as it threw it.
     */
    private static <R> R bounded(java.util.concurrent.ExecutorService thread, java.util.concurrent.Callable<R> step)
            throws java.util.concurrent.TimeoutException {
        java.util.concurrent.Future<R> result = thread.submit(step);
        try {
            return result.get(TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.TimeoutException("interrupted while loading plugins");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /**
     * Names a failure with what caused it: a static initializer's {@link ExceptionInInitializerError}
     * says nothing of its own, and the exception it wraps is the plugin author's to see.
     */
    static String withCause(Throwable e) {
        Throwable cause = e instanceof ExceptionInInitializerError init && init.getCause() != null ? init.getCause()
                : null;
        return cause == null ? e.toString() : e + " (its static initializer threw " + cause + ")";
    }

    private static PluginProblem problem(PluginKind<?> kind, ServiceConfigurationError e,
            Map<String, String> declaredIn) {
        String detail = e.getMessage() == null ? e.toString() : e.getMessage();
        Matcher m = PROVIDER.matcher(detail);
        String className = !m.find() ? "?" : m.group(1) != null ? m.group(1) : m.group(2);
        String source = declaredIn.getOrDefault(className, Sources.UNKNOWN);
        String why = detail.replaceFirst("^\\S+: ", "");
        if (why.endsWith(" not a subtype")) {
            why = "Provider " + why + " of " + kind.type().getName();
        }
        Throwable cause = e.getCause();
        if (cause != null) {
            why = why + ": " + withCause(cause);
        }
        return new PluginProblem(kind, className, source, "Cannot load " + kind.word() + " provider " + className
                + " (declared in " + source + "): " + why);
    }
}
