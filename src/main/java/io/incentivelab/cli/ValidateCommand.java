package io.incentivelab.cli;

import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.Problem;
import java.io.PrintStream;
import java.util.List;

/** {@code validate SCENARIO.json}: prints {@code valid}, or every problem (path: message) and exits 2. */
final class ValidateCommand implements Command {

    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String usage() {
        return "validate SCENARIO.json   check a scenario; prints 'valid' or every problem (exit 2)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            throw new UsageException("validate takes one argument, the scenario file");
        }
        List<Problem> problems = ScenarioCodec.problems(ScenarioFiles.read(args.get(0)));
        if (problems.isEmpty()) {
            out.println("valid");
            return 0;
        }
        problems.forEach(out::println);
        return 2;
    }
}
