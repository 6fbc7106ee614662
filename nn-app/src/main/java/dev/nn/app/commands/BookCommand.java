package dev.nn.app.commands;

import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.AppContextSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code nn book}: the book's experiments by chapter; {@code nn book ch6} is chapter 6's ladder. */
@Command(name = "book", mixinStandardHelpOptions = true, subcommands = Chapter6Command.class,
        description = "The book's experiments as it ran them; ch6: chapter 6's convolutional networks, step by step.")
public final class BookCommand implements Runnable, AppContextSource {

    @ParentCommand
    AppContextSource parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public AppContext context() {
        return parent.context();
    }

    /** Without a chapter: the usage, listing the chapters. */
    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a chapter: nn book ch6 STEP"
                + " (nn book ch6 --list shows the steps)");
    }
}
