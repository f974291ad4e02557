package io.incentivelab.cli;

import io.incentivelab.metagraph.InvalidMetagraphException;
import io.incentivelab.metagraph.MetagraphCodec;
import io.incentivelab.simulation.metagraph.MetagraphSnapshot;
import io.incentivelab.simulation.metagraph.MetagraphYuma;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code yuma --metagraph FILE}: one Yuma epoch on a snapshot's weights, stakes and hyperparameters, printed per
 * UID beside the snapshot's incentive and dividends, with the largest deviation of each and the tolerance
 * ({@link MetagraphYuma#TOLERANCE}). Exit 0 within the tolerance, 1 beyond it, 2 for a file that cannot be read.
 */
final class MetagraphCheck {

    private MetagraphCheck() {
    }

    /** The file's text; a missing, unreadable or over-long file is a usage error naming the limit. */
    static String readFile(String file) {
        Path path = Path.of(file);
        try {
            if (Files.isRegularFile(path) && Files.size(path) > 4L * MetagraphCodec.MAX_CHARS) {
                throw new UsageException(file + " has " + Files.size(path) + " bytes; a snapshot has at most "
                        + MetagraphCodec.MAX_CHARS + " characters (MetagraphCodec.MAX_CHARS)");
            }
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        return ScenarioFiles.read(file);
    }

    static int run(String json, PrintStream out) {
        MetagraphSnapshot s;
        try {
            s = MetagraphCodec.parse(json);
        } catch (InvalidMetagraphException e) {
            StringBuilder b = new StringBuilder("invalid metagraph snapshot:");
            e.problems().forEach(p -> b.append("\n  ").append(p));
            throw new UsageException(b.toString());
        }
        MetagraphYuma.Comparison c = MetagraphYuma.compare(s);
        out.printf(Locale.ROOT, "metagraph netuid %d, block %d: %d UIDs, %d weights, Yuma %s, kappa %d/65535%n",
                s.netuid(), s.block(), s.n(), s.weights().size(), s.hparams().yuma3() ? "3" : "1",
                s.hparams().kappaU16());
        out.println("uid  permit  incentive(snapshot)  incentive(yuma)  dividends(snapshot)  dividends(yuma)");
        for (int i = 0; i < s.n(); i++) {
            out.printf(Locale.ROOT, "%3d  %-6s  %19.8f  %15.8f  %19.8f  %15.8f%n", i, s.validatorPermit()[i] ? "yes" : "no",
                    s.incentive()[i], c.incentive()[i], s.dividends()[i], c.dividends()[i]);
        }
        out.printf(Locale.ROOT, "max deviation: incentive %.3e (uid %d), dividends %.3e (uid %d); tolerance %.3e "
                        + "(one u16 step + 1e-6)%n", c.maxIncentiveDev(), c.maxIncentiveUid(), c.maxDividendsDev(),
                c.maxDividendsUid(), MetagraphYuma.TOLERANCE);
        if (c.withinTolerance()) {
            out.println("within tolerance");
            return 0;
        }
        out.println("OUTSIDE tolerance");
        return 1;
    }
}
