package io.incentivelab.cli;

import io.incentivelab.scenario.ScenarioSchema;

import java.io.PrintStream;
import java.util.List;

/** {@code schema}: prints the JSON Schema of the scenario format. */
final class SchemaCommand implements Command {

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public String usage() {
        return "schema                   print the JSON Schema of scenario files";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (!args.isEmpty()) {
            throw new UsageException("schema takes no arguments");
        }
        out.println(ScenarioSchema.generateText());
        return 0;
    }
}
