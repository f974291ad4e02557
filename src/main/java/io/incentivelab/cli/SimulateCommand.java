package io.incentivelab.cli;

import io.incentivelab.output.RunOutput;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.RunResult;
import io.incentivelab.simulation.Simulator;
import io.incentivelab.simulation.model.InvalidScenarioException;
import io.incentivelab.simulation.model.Scenario;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code simulate SCENARIO.json [--seed N] [--out FILE] [--threads N]}: runs a scenario, prints the summary
 * JSON and, with {@code --out}, writes the full output (summary, time series, manifest) to FILE. Subnets are
 * stepped on up to N threads (default: all cores); the output does not depend on N.
 */
final class SimulateCommand implements Command {

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String usage() {
        return "simulate SCENARIO.json [--seed N] [--out FILE] [--threads N]   run a scenario; prints the summary JSON";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        String file = null;
        long seed = 1;
        String outFile = null;
        int threads = Runtime.getRuntime().availableProcessors();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--seed" -> {
                    String v = value(args, ++i, "--seed");
                    try {
                        seed = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("--seed must be an integer, got " + v);
                    }
                }
                case "--out" -> outFile = value(args, ++i, "--out");
                case "--threads" -> {
                    String v = value(args, ++i, "--threads");
                    try {
                        threads = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        threads = 0;
                    }
                    if (threads < 1) {
                        throw new UsageException("--threads must be a positive integer, got " + v);
                    }
                }
                default -> {
                    if (a.startsWith("-") || file != null) {
                        throw new UsageException("unexpected argument " + a + "; usage: " + usage());
                    }
                    file = a;
                }
            }
        }
        if (file == null) {
            throw new UsageException("missing scenario file; usage: " + usage());
        }
        Scenario scenario;
        try {
            scenario = ScenarioCodec.parse(ScenarioFiles.read(file));
        } catch (InvalidScenarioException e) {
            err.println("error: " + file + " is not a valid scenario:");
            e.problems().forEach(p -> err.println("  " + p));
            return 2;
        }
        RunResult result = new Simulator(scenario, threads).run(seed);
        if (outFile != null) {
            Files.writeString(Path.of(outFile), RunOutput.toJson(scenario, result, true) + "\n", StandardCharsets.UTF_8);
        }
        out.println(RunOutput.write(RunOutput.summary(result.summary()), true));
        return 0;
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new UsageException(flag + " needs a value");
        }
        return args.get(i);
    }
}
