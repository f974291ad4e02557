package io.incentivelab.metagraph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incentivelab.simulation.metagraph.MetagraphSnapshot;
import io.incentivelab.simulation.model.Problem;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link MetagraphCodec}: a generated snapshot reads back; each kind of bad file is named by path and limit. */
class MetagraphCodecTest {

    private static ObjectNode base() {
        return GeneratedSnapshots.generate(11, 4, 8, true);
    }

    private static List<Problem> problems(Consumer<ObjectNode> change) {
        ObjectNode s = base();
        change.accept(s);
        return MetagraphCodec.problems(GeneratedSnapshots.text(s));
    }

    private static List<Problem> problemsOfText(String text) {
        return MetagraphCodec.problems(text);
    }

    @Test
    void readsAGeneratedSnapshot() {
        ObjectNode s = base();
        MetagraphSnapshot m = MetagraphCodec.parse(GeneratedSnapshots.text(s));
        assertThat(m.n()).isEqualTo(12);
        assertThat(m.block()).isEqualTo(s.get("block").asLong());
        assertThat(m.stake()[2]).isEqualTo(s.get("stake").get(2).asDouble());
        assertThat(m.coldkeys()[5]).isEqualTo(s.get("coldkeys").get(5).asText());
        assertThat(m.validatorPermit()).startsWith(true, true, true, true, false);
        assertThat(m.weights()).hasSize(s.get("weights").size());
        assertThat(m.hparams().kappaU16()).isEqualTo(32767);
        assertThat(m.hparams().yuma3()).isTrue();
        assertThat(m.hparams().maxValidators()).isEqualTo(64);
        assertThat(m.lastUpdate()[3]).isEqualTo(s.get("last_update").get(3).asLong());
    }

    @Test
    void unknownOrMissingFormatIsRefusedFirst() {
        assertThat(problems(s -> s.put("format", "metagraph-snapshot/2")))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("$.format");
                    assertThat(p.message()).contains("metagraph-snapshot/2").contains("metagraph-snapshot/1");
                });
        assertThat(problems(s -> s.remove("format"))).extracting(Problem::path).containsExactly("$.format");
        assertThat(problemsOfText("[1,2]")).extracting(Problem::path).containsExactly("$");
        assertThat(problemsOfText("")).extracting(Problem::path).containsExactly("$");
        assertThat(problemsOfText("{\"format\": ")).singleElement()
                .satisfies(p -> assertThat(p.message()).startsWith("not valid JSON"));
    }

    @Test
    void wrongLengthsNameTheArrayAndTheExpectedLength() {
        List<Problem> p = problems(s -> {
            ((ArrayNode) s.get("stake")).remove(0);
            ((ArrayNode) s.get("last_update")).add(1);
        });
        assertThat(p).extracting(Problem::toString)
                .contains("$.stake: has 11 entries; expected 12, one per UID in $.uids");
        assertThat(p).extracting(Problem::path).contains("$.last_update");
        assertThat(problems(s -> s.remove("coldkeys"))).extracting(Problem::path).containsExactly("$.coldkeys");
    }

    @Test
    void nanInfinityAndNegativeStakeAreNamed() {
        String text = GeneratedSnapshots.text(base());
        String nan = text.replaceFirst("\"stake\":\\[[^,]*,", "\"stake\":[NaN,");
        assertThat(problemsOfText(nan)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.stake[0]");
            assertThat(p.message()).contains("NaN").contains("finite");
        });
        String inf = text.replaceFirst("\"incentive\":\\[[^,]*,[^,]*,", "\"incentive\":[0.0,Infinity,");
        assertThat(problemsOfText(inf)).extracting(Problem::path).containsExactly("$.incentive[1]");
        List<Problem> neg = problems(s -> ((ArrayNode) s.get("stake")).set(3, -5.0));
        assertThat(neg).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.stake[3]");
            assertThat(p.message()).contains("negative").contains("[0.0, 2.1E7]");
        });
    }

    @Test
    void tripletsOutOfRangeMalformedOrDuplicatedAreNamed() {
        List<Problem> p = problems(s -> {
            ArrayNode w = (ArrayNode) s.get("weights");
            w.addArray().add(0).add(12).add(0.5);
            w.addArray().add(-1).add(3).add(0.5);
            w.addArray().add(1).add(2);
            w.add(w.get(0).deepCopy());
        });
        int k = base().get("weights").size();
        assertThat(p).extracting(Problem::path).containsExactly(
                "$.weights[" + k + "][1]", "$.weights[" + (k + 1) + "][0]", "$.weights[" + (k + 2) + "]",
                "$.weights[" + (k + 3) + "]");
        assertThat(p.get(0).message()).contains("[0, 11]");
        assertThat(p.get(3).message()).contains("duplicates $.weights[0]");
    }

    @Test
    void tooManyUidsNameTheScenarioLimit() {
        List<Problem> p = problems(s -> {
            ArrayNode uids = s.putArray("uids");
            for (int i = 0; i < 1_000_000; i++) {
                uids.add(i);
            }
        });
        assertThat(p).singleElement().satisfies(q -> {
            assertThat(q.path()).isEqualTo("$.uids");
            assertThat(q.message()).contains("1000000").contains("256").contains("ScenarioLimits.MAX_UIDS");
        });
    }

    @Test
    void uidsOutOfOrderAndBadHparamsAreNamed() {
        assertThat(problems(s -> ((ArrayNode) s.get("uids")).set(2, 5)))
                .extracting(Problem::toString).containsExactly("$.uids[2]: is 5; expected 2 (UIDs 0..n-1 in order)");
        assertThat(problems(s -> ((ObjectNode) s.get("hparams")).put("kappa", 70000)))
                .extracting(Problem::toString).containsExactly("$.hparams.kappa: is 70000; expected a whole number in [0, 65535]");
        assertThat(problems(s -> ((ObjectNode) s.get("hparams")).put("yuma3_enabled", "yes")))
                .extracting(Problem::path).containsExactly("$.hparams.yuma3_enabled");
        assertThat(problems(s -> ((ArrayNode) s.get("validator_permit")).set(0, 1)))
                .extracting(Problem::path).containsExactly("$.validator_permit[0]");
        assertThat(problems(s -> s.remove("block"))).extracting(Problem::path).containsExactly("$.block");
    }

    @Test
    void optionalColumnsAndHparamsDefault() {
        ObjectNode s = base();
        s.remove("hparams");
        s.remove("last_update");
        s.remove("block_at_registration");
        s.remove("emission");
        MetagraphSnapshot m = MetagraphCodec.parse(GeneratedSnapshots.text(s));
        assertThat(m.lastUpdate()).containsOnly(m.block());
        assertThat(m.blockAtRegistration()).containsOnly(0L);
        assertThat(m.hparams().activityCutoff()).isEqualTo(5000);
        assertThat(m.hparams().bondsMovingAvg()).isEqualTo(0.9);
    }
}
