package io.incentivelab.cli;

import io.incentivelab.scenario.ExampleCatalog;

import java.io.PrintStream;
import java.util.List;

/** {@code examples [FILE]}: lists the example scenarios packaged in the jar, or prints one of them. */
final class ExamplesCommand implements Command {

    @Override
    public String name() {
        return "examples";
    }

    @Override
    public String usage() {
        return "examples [FILE]          list the packaged example scenarios, or print one (to save and simulate)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() > 1) {
            throw new UsageException("examples takes at most one argument, an example's file name");
        }
        if (args.isEmpty()) {
            for (ExampleCatalog.Example e : ExampleCatalog.list()) {
                out.println(e.fileName() + "\t" + e.description());
            }
            return 0;
        }
        ExampleCatalog.Example e = ExampleCatalog.find(args.get(0)).orElseThrow(() -> new UsageException(
                "no example " + args.get(0) + "; known: " + ExampleCatalog.list().stream()
                        .map(ExampleCatalog.Example::fileName).toList()));
        out.print(e.json());
        return 0;
    }
}
