package dev.nn.app;

import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.ErrorHandler;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** The {@code nn} command: parses the flags and hands over to a subcommand. */
public final class Main {

    private Main() {
    }

    /** Runs {@code nn} and exits with its code: 0 success, 1 failure, 2 usage error. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, true));
    }

    /** Runs {@code nn} with the given streams and returns the exit code, as tests do. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, false);
    }

    private static int run(String[] args, PrintStream out, PrintStream err, boolean signals) {
        List<Path> dirs = pluginDirs(args);
        java.util.Set<Path> named = new java.util.HashSet<>(dirs);
        if (System.getProperty("nn.home") != null) {
            named.remove(Path.of(System.getProperty("nn.home"), "plugins"));
        }
        NnCommand root = new NnCommand(() -> new AppContext(out, err, dirs, named, List.of(args).contains("--quiet"),
                signals));
        CommandLine cli = new CommandLine(root);
        cli.setOut(new java.io.PrintWriter(out, true));
        cli.setErr(new java.io.PrintWriter(err, true));
        ErrorHandler handler = new ErrorHandler(err, List.of(args).contains("--verbose"));
        cli.setParameterExceptionHandler(handler);
        cli.setExecutionExceptionHandler(handler);
        if (List.of(args).contains("--help") || List.of(args).contains("-h") || List.of(args).contains("help")) {
            PluginHelp.addInstalledIds(cli, root.context().registry());
            FileNamesInHelp.keepWhole(cli);
        }
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println(String.format(java.util.Locale.ROOT, "nn: error: out of memory: Java's heap of %d MB is full;"
                    + " give Java more (NN_JAVA_OPTS=-Xmx8g ./nn ...) or use smaller --layers",
                    Runtime.getRuntime().maxMemory() >> 20));
            if (List.of(args).contains("--verbose")) {
                e.printStackTrace(err);
            }
            return ErrorHandler.FAILURE;
        }
    }

    /**
     * The plugin directories: {@code plugins/} beside the launcher ({@code nn.home}), then every
     * {@code --plugins}. Read from the raw arguments because picocli's inherited option keeps only the
     * values given on one side of the subcommand, and the context is needed for both.
     */
    static List<Path> pluginDirs(String[] args) {
        List<Path> dirs = new ArrayList<>();
        String home = System.getProperty("nn.home");
        if (home != null) {
            dirs.add(Path.of(home, "plugins"));
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--plugins") && i + 1 < args.length) {
                dirs.add(Path.of(args[i + 1]));
            } else if (args[i].startsWith("--plugins=")) {
                dirs.add(Path.of(args[i].substring("--plugins=".length())));
            }
        }
        return dirs;
    }
}
