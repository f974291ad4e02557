package io.incentivelab.cli;

import java.io.PrintStream;
import java.util.List;

/** One headless command of the jar. Writes only its result to {@code out}; diagnostics go to {@code err}. */
public interface Command {

    /** The word that selects the command, e.g. {@code yuma}. */
    String name();

    /** One line for {@code --help}: the command word, its arguments, and what it does. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 success, 2 bad input (with a message naming the field), 1 internal error
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
