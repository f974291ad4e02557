package io.incentivelab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** {@code yuma CASE.json}: runs every epoch of a Yuma conformance case and prints the outputs as JSON. */
public final class YumaCommand implements Command {

    @Override
    public String name() {
        return "yuma";
    }

    @Override
    public String usage() {
        return "yuma CASE.json   run every epoch of a Yuma Consensus case (yuma.md §11 format), print JSON\n"
                + "  yuma --metagraph FILE   one epoch on a metagraph-snapshot/1 file's weights and stakes, compared "
                + "with its incentive and dividends (exit 1 beyond the tolerance)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (!args.isEmpty() && args.get(0).equals("--metagraph")) {
            if (args.size() != 2) {
                throw new UsageException("usage: yuma --metagraph FILE (exactly one snapshot file)");
            }
            return MetagraphCheck.run(MetagraphCheck.readFile(args.get(1)), out);
        }
        if (args.size() != 1) {
            throw new UsageException("usage: yuma CASE.json (exactly one case file)");
        }
        String json;
        try {
            json = Files.readString(Path.of(args.get(0)), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + args.get(0));
        } catch (IOException e) {
            throw new UsageException("cannot read " + args.get(0) + ": " + e.getMessage());
        }
        YumaCase yumaCase = YumaCaseReader.read(json);
        String result;
        try {
            result = YumaCaseRunner.MAPPER.writeValueAsString(YumaCaseRunner.run(yumaCase));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        out.println(result);
        return 0;
    }
}
