package dev.nn.app.commands;

import dev.nn.app.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code nn book}: the book's experiments by chapter; {@code nn book ch6} is chapter 6's ladder. */
@Command(name = "book", mixinStandardHelpOptions = true, subcommands = Chapter6Command.class,
        description = "The book's experiments as it ran them; ch6: chapter 6's convolutional networks, step by step.")
public final class BookCommand extends CommandGroup {

    @Override
    protected String nameOne() {
        return "name a chapter: nn book ch6 STEP (nn book ch6 --list shows the steps)";
    }
}
