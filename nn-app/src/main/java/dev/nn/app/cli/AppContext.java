package dev.nn.app.cli;

import dev.nn.run.Interrupts;
import dev.nn.core.registry.PluginJars;
import dev.nn.core.registry.PluginRegistry;
import dev.nn.data.mnist.Mnist;
import dev.nn.data.mnist.MnistLocator;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What every command shares: the output streams, the plugin registry (built-ins plus the jars of
 * the plugin directories) and finding MNIST.
 */
public final class AppContext {

    private final PrintStream out;
    private final PrintStream err;
    private final List<Path> pluginDirs;
    private final Set<Path> namedPluginDirs;
    private final boolean quiet;
    private final boolean signals;
    private PluginRegistry registry;
    private PluginJars jars;

    /**
     * Creates the context.
     *
     * @param pluginDirs directories whose {@code *.jar} files are added to the plugin class path
     * @param quiet {@code --quiet}: no progress, only results and errors
     */
    public AppContext(PrintStream out, PrintStream err, List<Path> pluginDirs, boolean quiet) {
        this(out, err, pluginDirs, quiet, false);
    }

    /**
     * Creates the context of the real program, which handles Ctrl-C and SIGTERM when {@code signals}.
     *
     * @param pluginDirs directories whose {@code *.jar} files are added to the plugin class path
     * @param quiet {@code --quiet}: no progress, only results and errors
     * @param signals whether runs save and stop on Ctrl-C and SIGTERM (not inside another program)
     */
    public AppContext(PrintStream out, PrintStream err, List<Path> pluginDirs, boolean quiet, boolean signals) {
        this(out, err, pluginDirs, Set.copyOf(pluginDirs), quiet, signals);
    }

    /**
     * Creates the context of the real program.
     *
     * @param pluginDirs directories whose {@code *.jar} files are added to the plugin class path
     * @param namedPluginDirs those of them the user named ({@code --plugins}): a warning if missing
     * @param quiet {@code --quiet}: no progress, only results and errors
     * @param signals whether runs save and stop on Ctrl-C and SIGTERM (not inside another program)
     */
    public AppContext(PrintStream out, PrintStream err, List<Path> pluginDirs, Set<Path> namedPluginDirs,
            boolean quiet, boolean signals) {
        this.out = out;
        this.err = err;
        this.pluginDirs = List.copyOf(pluginDirs);
        this.namedPluginDirs = Set.copyOf(namedPluginDirs);
        this.quiet = quiet;
        this.signals = signals;
    }

    /** Returns the interrupt handling of a run: a shutdown hook in the real program, none inside another. */
    public Interrupts interrupts() {
        return signals ? Interrupts.install(err) : Interrupts.none();
    }

    /** Returns where progress goes (bars, epoch lines, which run is next): standard error, or null with --quiet. */
    public PrintStream progress() {
        return quiet ? null : err;
    }

    /** Prints a line of progress on standard error, unless --quiet. */
    public void note(String line) {
        if (!quiet) {
            synchronized (err) {
                err.println(line);
            }
        }
    }

    /** Returns standard output: results. */
    public PrintStream out() {
        return out;
    }

    /** Returns standard error: progress and messages. */
    public PrintStream err() {
        return err;
    }

    /** Returns the registry of every installed plugin, built on first use. */
    public PluginRegistry registry() {
        if (registry == null) {
            ClassLoader loader = pluginClassLoader();
            Thread.currentThread().setContextClassLoader(loader);
            registry = PluginRegistry.load(loader, jars);
        }
        return registry;
    }

    /** Returns the plugin directories searched for jars. */
    public List<Path> pluginDirs() {
        return pluginDirs;
    }

    private ClassLoader pluginClassLoader() {
        jars = PluginJars.scan(pluginDirs, namedPluginDirs);
        return jars.classLoader(AppContext.class.getClassLoader());
    }

    /** Finds the MNIST directory: {@code --data}, {@code NN_MNIST_DIR}, the cache, else a download. */
    public Path mnistDir(Path dataDir) throws IOException {
        return MnistLocator.standard(this::downloadProgress).locate(dataDir);
    }

    /** Finds MNIST as {@link #mnistDir} does and loads it. */
    public Mnist mnist(Path dataDir) throws IOException {
        return Mnist.load(mnistDir(dataDir));
    }

    private void downloadProgress(String file, long bytes, long total) {
        if (bytes == total || bytes % (1 << 20) < (1 << 16)) {
            err.print(String.format(Locale.ROOT, "\rdownloading %s: %.1f of %.1f MB", file, bytes / 1e6, total / 1e6));
            if (bytes >= total) {
                err.println();
            }
        }
    }
}
