package dev.nn.app.cli;

import dev.nn.run.UsageException;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;
import java.util.List;

/**
 * Turns every error into one line on standard error: exit code 2 for usage errors (bad flags and
 * values), 1 for failures. A stack trace follows only with {@code --verbose}.
 */
public final class ErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

    /** Exit code of a usage error. */
    public static final int USAGE = 2;
    /** Exit code of a failure. */
    public static final int FAILURE = 1;

    private final PrintStream err;
    private final boolean verbose;

    /** Creates the handler. */
    public ErrorHandler(PrintStream err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message = parseError(e, args);
        String name = cmd.getCommandSpec().qualifiedName(); // nn, nn train, nn book ch6
        err.println(name + ": " + message + " (see '" + name + " --help')");
        trace(e);
        return USAGE;
    }

    private static CommandLine.Model.ArgSpec argSpec(ParameterException e) {
        return e instanceof CommandLine.OverwrittenOptionException o ? o.getOverwritten() : e.getArgSpec();
    }

    /**
     * Returns the message of a parse error of {@code args}: an unknown flag or command with the close
     * ones, and an option of several names (network2.py's beside nn's) named as it was typed (picocli
     * names its longest, and says "specified only once" when two of its names were given).
     */
    public static String parseError(ParameterException e, String[] args) {
        return e instanceof UnmatchedArgumentException u ? unmatched(u)
                : argSpec(e) instanceof OptionSpec option && option.names().length > 1 ? asTyped(e, option, args)
                // picocli's own words for a map option: "Value for option option '--grid' (NAME=V1,V2,...)
                // should be in KEY=VALUE format but was eta"
                : e.getMessage().replaceFirst("^Value for option option '(.+?)' \\((.+?)\\) should be in KEY=VALUE"
                        + " format but was (.*)$", "$1: expected $2, got '$3'");
    }

    private static String asTyped(ParameterException e, OptionSpec option, String[] args) {
        List<String> typed = new java.util.ArrayList<>();
        for (String arg : args) {
            String name = arg.replaceFirst("=.*", "");
            if (java.util.Arrays.asList(option.names()).contains(name) && !typed.contains(name)) {
                typed.add(name);
            }
        }
        if (typed.size() > 1 && e.getMessage().contains("should be specified only once")) {
            return String.join(" and ", typed) + " name the same option; give it once";
        }
        return typed.isEmpty() ? e.getMessage()
                : e.getMessage().replace("'" + option.longestName() + "'", "'" + typed.get(typed.size() - 1) + "'");
    }

    /** Names what was not understood, an unknown command or flag, with the close ones picocli finds. */
    private static String unmatched(UnmatchedArgumentException e) {
        List<String> unmatched = e.getUnmatched();
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        String what;
        if (first.startsWith("-")) {
            what = "unknown option '" + first.replaceFirst("=.*", "") + "'";
        } else if (e.getCommandLine().getCommandName().equals("nn")) {
            what = "unknown command '" + first + "'";
        } else {
            what = "unexpected argument '" + first + "'";
        }
        List<String> suggestions = e.getSuggestions();
        return suggestions.isEmpty() ? what : what + "; did you mean " + String.join(" or ", suggestions) + "?";
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        String name = cmd.getCommandSpec().qualifiedName();
        if (e instanceof UsageException || e instanceof ParameterException) {
            err.println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
            trace(e);
            return USAGE;
        }
        err.println(name + ": error: " + message(e));
        trace(e);
        return FAILURE;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        if (e instanceof java.nio.file.NoSuchFileException && !m.contains(":")) {
            return m + ": no such file";
        }
        if (e instanceof dev.nn.core.io.MissingPluginsException) {
            String home = System.getProperty("nn.home");
            return m + ". Put the jars that provide them in " + (home == null ? "plugins/ beside the launcher"
                    : java.nio.file.Path.of(home, "plugins") + "/") + " or give --plugins DIR; 'nn plugins' lists what"
                    + " is installed";
        }
        return m;
    }

    private void trace(Throwable e) {
        if (verbose) {
            e.printStackTrace(err);
        }
    }
}
