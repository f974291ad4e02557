package io.incentivelab.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.scenario.ExampleCatalog;
import io.incentivelab.scenario.ScenarioCodec;
import io.incentivelab.simulation.model.EmissionSplit;
import io.incentivelab.simulation.model.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The full-network example is packaged at full size, and the child JVM of the bench starts and reports its heap. */
class FullNetworkYearWorkloadTest {

    @Test
    void theFullNetworkExampleIs128SubnetsOf256UidsForAYear() {
        Scenario s = ExampleCatalog.find(FullNetworkYearWorkload.EXAMPLE).orElseThrow().scenario();
        assertThat(s.subnets()).hasSize(128);
        assertThat(s.subnets()).allSatisfy(sub -> {
            assertThat(sub.limits().maxUids()).isEqualTo(256);
            assertThat(sub.limits().validatorPermits()).isEqualTo(64);
            assertThat(sub.validators().count() + sub.miners().operators()).isEqualTo(256);
        });
        assertThat(s.network().effectiveHorizonEpochs()).isEqualTo(365 * 20);
        assertThat(s.economics().enabled()).isTrue();
    }

    @Test
    void theMarketVariantIsTheSameNetworkUnderPriceEma() {
        String json = ExampleCatalog.find(FullNetworkYearWorkload.EXAMPLE).orElseThrow().json();
        Scenario fixed = ScenarioCodec.parse(FullNetworkYearWorkload.withSplit(json, "FIXED"));
        Scenario market = ScenarioCodec.parse(FullNetworkYearWorkload.withSplit(json, "PRICE_EMA"));
        assertThat(fixed.network().emissionSplit()).isEqualTo(EmissionSplit.FIXED);
        assertThat(market.network().emissionSplit()).isEqualTo(EmissionSplit.PRICE_EMA);
        assertThat(market.subnets()).hasSize(128);
        assertThat(fixed.subnets()).allSatisfy(sub -> assertThat(sub.emissionShare()).isEqualTo(1.0));
        // same incomes at the start: 1 alpha a block at 0.5 TAO / 128 subnets each
        assertThat(market.subnets()).allSatisfy(sub -> assertThat(sub.market().poolTao() / sub.market().poolAlpha())
                .isCloseTo(0.5 / 128, Offset.offset(1e-12)));
        assertThat(market.network().effectiveHorizonEpochs()).isEqualTo(fixed.network().effectiveHorizonEpochs());
        assertThat(FullNetworkYearWorkload.MARKET_RATIO_TARGET).isEqualTo(1.15);
    }

    @Test
    void theChildJvmRunsACommandWithOneGigabyteAndReportsItsPeakHeap(@TempDir Path dir)
            throws Exception {
        Path scenario = dir.resolve("x.scenario.json");
        Files.writeString(scenario, ExampleCatalog.find("scale-economies-beta1.scenario.json").orElseThrow().json());
        List<String> cmd = new ArrayList<>(FullNetworkYearWorkload.childJava());
        assertThat(cmd).contains("-Xmx1g");
        cmd.addAll(List.of("validate", scenario.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).contains("valid").containsPattern("peakHeapBytes=\\d+ maxHeapBytes=\\d+");
    }
}
