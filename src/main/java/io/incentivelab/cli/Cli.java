package io.incentivelab.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Dispatches the jar's headless commands. No Spring context is started for them. Besides the commands listed here,
 * any {@link Command} on the class path under {@code META-INF/services/io.incentivelab.cli.Command} is added: that is
 * how {@code bench}, which lives in its own source set outside the production jar, joins when run from the build
 * ({@code scripts/bench}).
 */
public final class Cli {

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        for (Command c : List.<Command>of(
                // commands register here, one line each
                new YumaCommand(),
                new ImportMetagraphCommand(),
                new SimulateCommand(),
                new ExamplesCommand(),
                new ValidateCommand(),
                new SchemaCommand(),
                new ExperimentCommand()
        )) {
            COMMANDS.put(c.name(), c);
        }
        for (Command c : ServiceLoader.load(Command.class, Cli.class.getClassLoader())) {
            COMMANDS.putIfAbsent(c.name(), c);
        }
    }

    private Cli() {
    }

    /** True if the arguments select a headless command (or ask for help) rather than the web app. */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        String first = args[0];
        return COMMANDS.containsKey(first) || first.equals("--help") || first.equals("-h") || first.equals("help");
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String first = args[0];
        if (!COMMANDS.containsKey(first)) {
            printHelp(out);
            return 0;
        }
        Command command = COMMANDS.get(first);
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println("usage: java -jar incentive-lab.jar " + command.usage());
            return 0;
        }
        try {
            int code = command.run(rest, out, err);
            out.flush();
            return code;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (OutOfMemoryError e) {
            err.println("error: out of memory; reduce the size of the input or raise -Xmx");
            return 1;
        } catch (Exception e) {
            err.println("error: " + e);
            return 1;
        }
    }

    static void printHelp(PrintStream out) {
        out.println("Incentive Lab");
        out.println();
        out.println("usage: java -jar incentive-lab.jar [COMMAND] [ARGS]");
        out.println("       with no command, starts the web app (Spring options such as --server.port=N work)");
        out.println();
        out.println("commands:");
        for (Command c : COMMANDS.values()) {
            out.println("  " + c.usage());
        }
        out.println("  help  this list; COMMAND --help shows one command");
    }

    /** The registered command names, in help order. */
    public static List<String> commandNames() {
        return List.copyOf(COMMANDS.keySet());
    }
}
