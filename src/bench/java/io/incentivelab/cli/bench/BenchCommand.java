package io.incentivelab.cli.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incentivelab.cli.Command;
import io.incentivelab.cli.UsageException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/** {@code bench [--workload NAME]}: runs the speed workloads, one JSON line each. */
public final class BenchCommand implements Command {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String usage() {
        return "bench [--workload NAME]   speed workloads, one JSON line each (all of them by default)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws JsonProcessingException {
        List<BenchWorkload> all = BenchWorkloads.all();
        List<BenchWorkload> selected = all;
        if (!args.isEmpty()) {
            if (args.size() != 2 || !args.get(0).equals("--workload")) {
                throw new UsageException("usage: bench [--workload NAME]");
            }
            String name = args.get(1);
            selected = all.stream().filter(w -> w.name().equals(name)).toList();
            if (selected.isEmpty()) {
                throw new UsageException("--workload: unknown workload " + name + "; known: "
                        + all.stream().map(BenchWorkload::name).toList());
            }
        }
        for (BenchWorkload w : selected) {
            for (Map<String, Object> line : w.run()) {
                out.println(MAPPER.writeValueAsString(line));
                out.flush();
            }
        }
        return 0;
    }
}
