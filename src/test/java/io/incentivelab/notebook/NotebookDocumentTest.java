package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incentivelab.experiment.ExperimentSpec.Combine;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotebookDocumentTest {

    private final NotebookDocument doc = NotebookDocument.empty("t")
            .append(new NoteCell("a", "A")).append(new NoteCell("b", "B")).append(new NoteCell("c", "C"));

    private static List<String> ids(NotebookDocument d) {
        return d.cells().stream().map(Cell::id).toList();
    }

    @Test
    void cellsMoveAndStopAtTheEnds() {
        assertThat(ids(doc.move("b", -1))).containsExactly("b", "a", "c");
        assertThat(ids(doc.move("b", 1))).containsExactly("a", "c", "b");
        assertThat(ids(doc.move("a", -1))).containsExactly("a", "b", "c");
        assertThat(ids(doc.move("c", 1))).containsExactly("a", "b", "c");
    }

    @Test
    void duplicateGoesBelowWithANewId() {
        NotebookDocument d = doc.duplicate("a", "a2");
        assertThat(ids(d)).containsExactly("a", "a2", "b", "c");
        assertThat(((NoteCell) d.cell("a2").orElseThrow()).markdown()).isEqualTo("A");
    }

    @Test
    void aDuplicatedExperimentStartsWithoutARun() {
        ExperimentCell e = new ExperimentCell("e", "", List.of(), Combine.GRID, List.of(), 3, 1, "run-1");
        assertThat(e.withId("f").lastExperimentId()).isNull();
    }

    @Test
    void removeAndReplace() {
        assertThat(ids(doc.remove("b"))).containsExactly("a", "c");
        assertThat(doc.replace(new NoteCell("b", "X")).cell("b")).contains(new NoteCell("b", "X"));
        assertThatThrownBy(() -> doc.append(new NoteCell("a", ""))).hasMessageContaining("duplicate cell id");
    }

    @Test
    void cellIdsAreValidAndFresh() {
        String id = CellIds.nextFor(doc);
        assertThat(CellIds.VALID.matcher(id).matches()).isTrue();
        assertThat(doc.indexOf(id)).isEqualTo(-1);
    }
}
