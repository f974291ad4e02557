package io.incentivelab.notebook.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.incentivelab.experiment.ExperimentService;
import io.incentivelab.experiment.ExperimentSpec.Combine;
import io.incentivelab.notebook.ExperimentCell;
import io.incentivelab.notebook.ExperimentOutput;
import io.incentivelab.notebook.NoteCell;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookCodec;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookFile;
import io.incentivelab.notebook.NotebookNotFoundException;
import io.incentivelab.notebook.NotebookRuns;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.NotebookSummary;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.ScenarioCell;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Capabilities in the service layer and the snapshot store, against H2 and the Flyway migrations (V5). */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:shareservice;DB_CLOSE_DELAY=-1")
class ShareServiceIT {

    final OwnerKey alice = OwnerKey.generate();
    final OwnerKey bob = OwnerKey.generate();

    @Autowired
    NotebookService notebooks;

    @Autowired
    SnapshotService snapshots;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    NotebookRuns runs;

    @Autowired
    ExperimentService experiments;

    Notebook alicesNotebook() {
        NotebookDocument doc = NotebookDocument.empty("Alice's design")
                .append(new NoteCell("n1", "# Finding\n\n<script>alert(1)</script> [x](javascript:alert(2))"))
                .append(new ScenarioCell("s1", "<img src=x onerror=alert(3)>",
                        JsonNodeFactory.instance.objectNode().put("name", "two")))
                .append(new ExperimentCell("e1", "Sweep", List.of("s1"), Combine.GRID, List.of(), 3,
                        42L, "exp-1"));
        ExperimentOutput out = new ExperimentOutput("exp-1", "COMPLETED", null, "abc", "engine-1", 3, 3, 0,
                Instant.parse("2026-11-25T04:00:00Z"), List.of("gini"),
                List.of(new ExperimentOutput.PointResult("<b>Base</b>", Map.of(), 3, 3,
                        Map.of("gini", new ExperimentOutput.MetricSummary(3, 0.5, 0.4, 0.6)))));
        return notebooks.importFile(NotebookCodec.writeFile(new NotebookFile(doc, Map.of("e1", out)))
                .getBytes(StandardCharsets.UTF_8), alice);
    }

    @Test
    void onlyTheOwnerKeyListsOpensSavesAndDeletes() {
        Notebook nb = alicesNotebook();
        assertThat(notebooks.listNotebooks(alice)).extracting(NotebookSummary::id).contains(nb.id());
        assertThat(notebooks.listNotebooks(bob)).extracting(NotebookSummary::id).doesNotContain(nb.id());
        assertThat(notebooks.listNotebooks(null)).isEmpty();
        assertThat(notebooks.find(nb.id(), alice)).isPresent();
        assertThat(notebooks.find(nb.id(), bob)).isEmpty();
        assertThat(notebooks.find(nb.id(), null)).isEmpty();
        assertThatThrownBy(() -> notebooks.save(nb.id(), nb.document().withTitle("Bob was here"), nb.version(), bob))
                .isInstanceOf(NotebookNotFoundException.class);
        assertThatThrownBy(() -> notebooks.newEditLink(nb.id(), bob)).isInstanceOf(NotebookNotFoundException.class);
        assertThatThrownBy(() -> snapshots.share(nb.id(), bob)).isInstanceOf(NotebookNotFoundException.class);
        assertThat(notebooks.delete(nb.id(), bob)).isFalse();
        assertThat(notebooks.find(nb.id(), alice).orElseThrow().title()).isEqualTo("Alice's design");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notebook_owner WHERE owner_hash = :k").param("k", alice.value())
                .query(Integer.class).single()).as("the key itself is never stored").isZero();
    }

    @Test
    void anEditLinkGrantsAnotherBrowserAndANewOneReplacesIt() {
        Notebook nb = alicesNotebook();
        String first = notebooks.newEditLink(nb.id(), alice);
        String second = notebooks.newEditLink(nb.id(), alice);
        assertThat(first).hasSize(22);
        assertThat(notebooks.claimEditLink(first, bob)).as("replaced").isEmpty();
        assertThat(notebooks.find(nb.id(), bob)).isEmpty();
        assertThat(notebooks.claimEditLink(second, bob)).contains(nb.id());
        assertThat(notebooks.find(nb.id(), bob)).isPresent();
        assertThat(notebooks.claimEditLink("not a token", bob)).isEmpty();
    }

    @Test
    void aSnapshotIsFrozenRevocableAndForkable() {
        Notebook nb = alicesNotebook();
        SharedLink link = snapshots.share(nb.id(), alice);
        assertThat(link.token()).matches("[A-Za-z0-9_-]{22}");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notebook_snapshot WHERE token_hash = :t OR content LIKE :like")
                .param("t", link.token()).param("like", "%" + link.token() + "%").query(Integer.class).single())
                .as("only the token's hash is stored").isZero();

        notebooks.save(nb.id(), nb.document().withTitle("Changed later"), nb.version(), alice);
        Snapshot s = snapshots.open(link.token()).orElseThrow();
        assertThat(s.title()).isEqualTo("Alice's design");
        assertThat(s.file()).isEqualTo(nb.toFile());
        assertThat(s.seeds()).containsEntry("e1", 42L);
        assertThat(s.scenarioHashes()).containsKey("s1");
        assertThat(s.engine()).isEqualTo(SnapshotService.currentEngine());

        assertThat(snapshots.links(nb.id(), alice)).extracting(SharedLink::id).containsExactly(s.id());
        assertThat(snapshots.links(nb.id(), alice).get(0).token()).isNull();
        assertThat(snapshots.links(nb.id(), bob)).isEmpty();

        Notebook fork = snapshots.fork(link.token(), bob);
        assertThat(fork.title()).isEqualTo(nb.title() + " (copy)");
        assertThat(fork.toFile().document().cells()).isEqualTo(nb.toFile().document().cells());
        assertThat(fork.toFile().outputs()).isEqualTo(nb.toFile().outputs());
        assertThat(notebooks.find(fork.id(), bob)).isPresent();
        assertThat(notebooks.find(fork.id(), alice)).isEmpty();
        notebooks.save(fork.id(), fork.document().withTitle("Bob's fork"), fork.version(), bob);
        assertThat(snapshots.open(link.token()).orElseThrow().title()).isEqualTo("Alice's design");
        assertThat(notebooks.find(nb.id(), alice).orElseThrow().title()).isEqualTo("Changed later");

        assertThat(snapshots.revoke(s.id(), bob)).as("not Bob's link").isFalse();
        assertThat(snapshots.open(link.token())).isPresent();
        assertThat(snapshots.revoke(s.id(), alice)).isTrue();
        assertThat(snapshots.open(link.token())).isEmpty();
        assertThat(snapshots.open(OwnerKey.randomToken())).isEmpty();
        assertThat(snapshots.open("../../etc")).isEmpty();
        assertThatThrownBy(() -> snapshots.fork(link.token(), bob)).isInstanceOf(NotebookNotFoundException.class);
    }

    @Test
    void theReportEscapesWhatTheAuthorWroteAndLoadsNothing() {
        Notebook nb = alicesNotebook();
        String html = NotebookReport.page(nb.toFile(), "<script>x</script>", Map.of("e1", 42L), Map.of());
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContain("href=\"javascript:").doesNotContain("<b>Base</b>")
                .doesNotContainPattern("(src|href)=\"https?:")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(3)&gt;")
                .contains("0.5 ± 0.1 (3)").contains("<td class=\"seed\">42</td>");
    }

    @Test
    void aForkRerunsExactlyTheSnapshotsNumbers() throws Exception {
        Notebook original = notebooks.copyExample("speed-storage-accuracy", alice);
        SharedLink link = snapshots.share(original.id(), alice);
        Notebook fork = snapshots.fork(link.token(), bob);
        ExperimentCell cell = fork.document().cells().stream()
                .filter(ExperimentCell.class::isInstance)
                .map(ExperimentCell.class::cast).findFirst().orElseThrow();
        ExperimentOutput frozen = (ExperimentOutput) snapshots.open(link.token()).orElseThrow().file().outputs().get(cell.id());
        assertThat(frozen.engine()).as("the example was computed on this engine").isEqualTo(SnapshotService.currentEngine());

        assertThatThrownBy(() -> runs.start(fork.id(), alice, fork.document(), cell))
                .as("Alice may not run Bob's fork").isInstanceOf(NotebookNotFoundException.class);
        var started = runs.start(fork.id(), bob, fork.document(), cell);
        experiments.awaitEnd(started.id(), Duration.ofSeconds(120)).orElseThrow();
        ExperimentOutput again = runs.output(started.id()).orElseThrow();
        assertThat(again.status()).isEqualTo("COMPLETED");
        assertThat(again.engine()).isEqualTo(frozen.engine());
        assertThat(again.inputHash()).isEqualTo(frozen.inputHash());
        assertThat(again.points()).isEqualTo(frozen.points());
    }
}
