package io.incentivelab.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.incentivelab.experiment.ExperimentSpec;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.metagraph.InvalidMetagraphException;
import io.incentivelab.metagraph.MetagraphScenario;
import io.incentivelab.simulation.metagraph.MetagraphSnapshot;
import io.incentivelab.simulation.metagraph.MetagraphYuma;
import io.incentivelab.simulation.metrics.Concentration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A notebook from a snapshot (issue 18): "this is your subnet today; now change the curve and see where it goes".
 * A note with what the snapshot shows (UIDs, stake, how concentrated its miner incentive is across coldkeys, and
 * the Yuma check of {@code yuma --metagraph}), the imported scenario, an experiment that runs it under four reward
 * curves, and a chart of the Gini of miner emission across them. Nothing is run here: the user runs the cell.
 */
public final class MetagraphNotebook {

    /** The curves the experiment compares, the scenario's own (proportional) first. */
    static final List<String> CURVES = List.of("PROPORTIONAL", "POWER", "TOP_K", "WINNER_TAKE_ALL");

    private MetagraphNotebook() {
    }

    /** The notebook document of a snapshot; throws {@link InvalidMetagraphException} if it cannot be a scenario. */
    public static NotebookDocument of(MetagraphSnapshot s) {
        MetagraphScenario.Imported imported = MetagraphScenario.convert(s);
        MetagraphYuma.Comparison check = MetagraphYuma.compare(s);
        String subnet = imported.scenario().subnets().get(0).name();
        String who = s.netuid() >= 0 ? "Subnet " + s.netuid() : "Imported subnet";
        String title = who + " today (block " + s.block() + ")";

        List<Cell> cells = new ArrayList<>();
        cells.add(new NoteCell("today", note(s, imported, check, who, subnet)));
        cells.add(new ScenarioCell("subnet", who + " as a scenario", imported.json()));
        List<JsonNode> curves = CURVES.stream().<JsonNode>map(TextNode::valueOf).toList();
        cells.add(new ExperimentCell("curves", "Today's curve and three others", List.of("subnet"), Combine.GRID,
                List.of(ExperimentSpec.Axis.list("$.subnets[0].rewardCurve.type", curves)), 5, 20261207L, null));
        cells.add(new ChartCell("curves-gini", "Gini of miner emission under each curve (mean, 95% error bars)",
                "curves", "SWEEP", subnet + ".giniEmission", List.of()));
        return new NotebookDocument(NotebookDocument.FORMAT_VERSION, title, cells);
    }

    private static String note(MetagraphSnapshot s, MetagraphScenario.Imported imported,
                               MetagraphYuma.Comparison check, String who, String subnet) {
        Map<String, Double> byColdkey = new LinkedHashMap<>();
        double minerIncentive = 0;
        for (int i = 0; i < s.n(); i++) {
            if (!s.validatorPermit()[i]) {
                byColdkey.merge(s.coldkeys()[i], s.incentive()[i], Double::sum);
                minerIncentive += s.incentive()[i];
            }
        }
        double[] shares = byColdkey.values().stream().mapToDouble(Double::doubleValue).toArray();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(who).append(" today\n\n");
        md.append(String.format(Locale.ROOT, "This is your subnet today: a metagraph snapshot at block %d with %d UIDs,"
                        + " %d validators (with permits) and %d miner UIDs held by %d coldkeys. The scenario below is"
                        + " made from it; **now change the curve and see where it goes**.%n%n",
                s.block(), s.n(), imported.validators(), imported.minerUids(), byColdkey.size()));
        md.append("| what the snapshot shows | value |\n|---|---|\n");
        if (minerIncentive > 0 && shares.length > 0) {
            Concentration.Stats c = Concentration.of(shares);
            md.append(String.format(Locale.ROOT, "| Gini of miner incentive across coldkeys | %.3f |%n", c.gini()));
            md.append(String.format(Locale.ROOT, "| Largest coldkey's share of miner incentive | %.1f %% |%n", 100 * c.top1()));
            md.append(String.format(Locale.ROOT, "| Fewest coldkeys holding over half of it (Nakamoto) | %d |%n", c.nakamoto()));
        } else {
            md.append("| Miner incentive | none: no miner UID earns in this snapshot |\n");
        }
        md.append(String.format(Locale.ROOT, "| Most miner UIDs on one coldkey | %d (the scenario runs %d per operator) |%n",
                imported.maxUidsPerOperator(), imported.scenario().subnets().get(0).miners().uidsPerOperator()));
        md.append(String.format(Locale.ROOT, "| Yuma on its weights and stakes, largest difference from its incentive"
                        + " / dividends | %.2g / %.2g (%s the tolerance %.2g) |%n%n", check.maxIncentiveDev(),
                check.maxDividendsDev(), check.withinTolerance() ? "within" : "**outside**", MetagraphYuma.TOLERANCE));
        if (!check.withinTolerance()) {
            md.append("The snapshot's own incentive or dividends do not follow from its weights and stakes under the"
                    + " chain's epoch, so treat the numbers above with care (a snapshot taken between an epoch and"
                    + " its weights, say).\n\n");
        }
        md.append("**What to look at:** run the experiment, then compare `").append(subnet)
                .append(".giniEmission` and `").append(subnet).append(".top1Share` under each curve with the Gini and"
                        + " largest share above. The snapshot does not say how validators turn scores into weights,"
                        + " so the scenario starts from the proportional curve; the miners' resources are drawn from the"
                        + " scenario's defaults, not measured. The first point shows how close that comes to today."
                        + " The run's first epoch reads the snapshot's own weights (the scenario's `initialWeights`,"
                        + " in its JSON, not the form); from the next epoch on, the validators score the scenario's"
                        + " operators.\n");
        return md.toString();
    }
}
