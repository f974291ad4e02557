package io.incentivelab.cli;

import io.incentivelab.metagraph.InvalidMetagraphException;
import io.incentivelab.metagraph.MetagraphCodec;
import io.incentivelab.metagraph.MetagraphScenario;
import io.incentivelab.scenario.ScenarioCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code import-metagraph FILE [--out SCENARIO.json]}: a metagraph snapshot as a scenario file. */
public final class ImportMetagraphCommand implements Command {

    @Override
    public String name() {
        return "import-metagraph";
    }

    @Override
    public String usage() {
        return "import-metagraph FILE [--out SCENARIO.json]   a metagraph-snapshot/1 file as a scenario (stdout or a file)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        Path target = null;
        if (args.size() == 3 && args.get(1).equals("--out")) {
            target = Path.of(args.get(2));
        } else if (args.size() != 1) {
            throw new UsageException("usage: " + usage());
        }
        MetagraphScenario.Imported imported;
        try {
            imported = MetagraphScenario.convert(MetagraphCodec.parse(MetagraphCheck.readFile(args.get(0))));
        } catch (InvalidMetagraphException e) {
            StringBuilder b = new StringBuilder("invalid metagraph snapshot:");
            e.problems().forEach(p -> b.append("\n  ").append(p));
            throw new UsageException(b.toString());
        }
        String json = ScenarioCodec.toJson(imported.scenario());
        if (target == null) {
            out.println(json);
        } else {
            Files.writeString(target, json + "\n", StandardCharsets.UTF_8);
            err.println("wrote " + target + ": " + imported.validators() + " validators, " + imported.operators()
                    + " operators (" + imported.minerUids() + " miner UIDs by coldkey)");
        }
        return 0;
    }
}
