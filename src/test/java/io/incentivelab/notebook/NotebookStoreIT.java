package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The notebook store against real H2 and the Flyway migrations. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:notebookstore;DB_CLOSE_DELAY=-1")
class NotebookStoreIT {

    static final OwnerKey ME = OwnerKey.generate();

    @Autowired
    NotebookService service;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createSaveAndFindAgain() {
        Notebook nb = service.create("  My design ", ME);
        assertThat(nb.title()).isEqualTo("My design");
        assertThat(nb.document().cells()).hasSize(1).first().isInstanceOf(NoteCell.class);
        NotebookDocument edited = nb.document().withTitle("Renamed").append(new NoteCell("n2", "# Two"));
        long v = service.save(nb.id(), edited, nb.version(), ME);
        Notebook again = service.find(nb.id(), ME).orElseThrow();
        assertThat(again.document()).isEqualTo(edited);
        assertThat(again.version()).isEqualTo(v).isEqualTo(nb.version() + 1);
        assertThat(service.listNotebooks(ME)).extracting(NotebookSummary::title).contains("Renamed");
    }

    @Test
    void aStaleSaveIsRefusedAndChangesNothing() {
        Notebook nb = service.create("Race", ME);
        service.save(nb.id(), nb.document().withTitle("first"), nb.version(), ME);
        assertThatThrownBy(() -> service.save(nb.id(), nb.document().withTitle("second"), nb.version(), ME))
                .isInstanceOf(NotebookConflictException.class);
        assertThat(service.find(nb.id(), ME).orElseThrow().title()).isEqualTo("first");
        assertThatThrownBy(() -> service.save("no-such-id", nb.document(), 0, ME)).isInstanceOf(NotebookNotFoundException.class);
    }

    @Test
    void outputsLiveApartAndFollowTheirCells() throws Exception {
        NotebookFile sample = NotebookCodecTest.sample();
        Notebook nb = service.importFile(NotebookCodec.writeFile(sample).getBytes(StandardCharsets.UTF_8), ME);
        assertThat(nb.outputs()).containsOnlyKeys("e1");
        assertThat(nb.toFile()).isEqualTo(sample);
        // writing an output does not change the document's version
        service.putOutput(nb.id(), "e1", sample.outputs().get("e1"));
        Notebook same = service.find(nb.id(), ME).orElseThrow();
        assertThat(same.version()).isEqualTo(nb.version());
        // an output for a cell that is not in the notebook is dropped
        assertThat(service.putOutput(nb.id(), "ghost", sample.outputs().get("e1"))).isFalse();
        assertThat(service.find(nb.id(), ME).orElseThrow().outputs()).containsOnlyKeys("e1");
        // removing the cell drops its output
        service.save(nb.id(), same.document().remove("e1"), same.version(), ME);
        assertThat(service.find(nb.id(), ME).orElseThrow().outputs()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notebook_output WHERE notebook_id = ?").param(nb.id())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void exportThenImportGivesTheSameNotebook() throws Exception {
        Notebook nb = service.importFile(NotebookCodec.writeFile(NotebookCodecTest.sample()).getBytes(StandardCharsets.UTF_8), ME);
        String exported = service.exportFile(nb);
        Notebook copy = service.importFile(exported.getBytes(StandardCharsets.UTF_8), ME);
        assertThat(copy.id()).isNotEqualTo(nb.id());
        assertThat(copy.toFile()).isEqualTo(nb.toFile());
    }

    @Test
    void anUploadedFileIsImportedAsACopy() throws Exception {
        Notebook nb = service.importFile(NotebookCodec.writeFile(NotebookCodecTest.sample()).getBytes(StandardCharsets.UTF_8), ME);
        Notebook copy = service.importCopy(service.exportFile(nb).getBytes(StandardCharsets.UTF_8), ME);
        assertThat(copy.title()).isEqualTo(nb.title() + " (copy)");
        assertThat(copy.document().cells()).isEqualTo(nb.document().cells());
        Notebook again = service.importCopy(service.exportFile(copy).getBytes(StandardCharsets.UTF_8), ME);
        assertThat(again.title()).as("not (copy) (copy)").isEqualTo(copy.title());
        String longTitle = "x".repeat(NotebookDocument.MAX_TITLE);
        assertThat(NotebookService.copyTitle(longTitle)).hasSize(NotebookDocument.MAX_TITLE).endsWith(" (copy)");
        assertThat(NotebookService.copyTitle("  ")).isEqualTo("Untitled notebook (copy)");
    }

    @Test
    void aBadImportNamesTheFieldAndStoresNothing() {
        int before = service.listNotebooks(ME).size();
        assertThatThrownBy(() -> service.importFile("{\"formatVersion\":1,\"title\":\"x\",\"cells\":[{\"type\":\"NOTE\"}]}"
                .getBytes(StandardCharsets.UTF_8), ME))
                .isInstanceOfSatisfying(InvalidNotebookException.class, e -> assertThat(e.problems())
                        .containsExactly(new NotebookProblem("$.cells[0].id", "is required")));
        assertThat(service.listNotebooks(ME)).hasSize(before);
    }

    @Test
    void deleteRemovesTheNotebookAndItsOutputs() throws Exception {
        Notebook nb = service.importFile(NotebookCodec.writeFile(NotebookCodecTest.sample()).getBytes(StandardCharsets.UTF_8), ME);
        assertThat(service.delete(nb.id(), ME)).isTrue();
        assertThat(service.find(nb.id(), ME)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notebook_output WHERE notebook_id = ?").param(nb.id())
                .query(Integer.class).single()).isZero();
        assertThat(service.delete(nb.id(), ME)).isFalse();
    }

    @Test
    void migrationsApplied() {
        List<String> versions = jdbc.sql("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\"")
                .query(String.class).list();
        assertThat(versions).contains("1", "3");
    }
}
