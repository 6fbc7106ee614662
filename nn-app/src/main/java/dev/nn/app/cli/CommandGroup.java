package dev.nn.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * A command that only groups others ({@code nn book ch6}, {@code nn export onnx}): it passes the
 * app's context down, and given alone says which subcommand to name.
 */
public abstract class CommandGroup implements Runnable, AppContextSource {

    @ParentCommand
    AppContextSource parent;

    @Spec
    CommandSpec spec;

    @Override
    public AppContext context() {
        return parent.context();
    }

    /** Returns what to name, with an example, such as {@code name a format: nn export onnx ...}. */
    protected abstract String nameOne();

    /** Without a subcommand: a usage error saying what to name. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), nameOne());
    }
}
