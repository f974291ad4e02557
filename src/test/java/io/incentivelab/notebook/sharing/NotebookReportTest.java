package io.incentivelab.notebook.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.notebook.CompareCell;
import io.incentivelab.notebook.CompareOutput;
import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.NotebookFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The static report's sections. */
class NotebookReportTest {

    private static String body(CompareCell cell, CompareOutput out) {
        NotebookDocument doc = new NotebookDocument(NotebookDocument.FORMAT_VERSION, "t", List.of(cell));
        return NotebookReport.body(new NotebookFile(doc, out == null ? Map.of() : Map.of(cell.id(), out)), Map.of(), Map.of());
    }

    @Test
    void aCompareSectionIsTitledByItsCellsHeadingElseByWhatItCompares() {
        CompareOutput out = new CompareOutput("h", "x", "power · type=WTA", "power · type=PROPORTIONAL", List.of(), List.of());
        assertThat(body(new CompareCell("c-7f3a", "Winner-take-all vs proportional", "e", 1, 0, ""), out))
                .contains("<h2>Compare: Winner-take-all vs proportional</h2>");
        assertThat(body(new CompareCell("c-7f3a", "", "e", 1, 0, ""), out))
                .contains("<h2>Compare: power · type=WTA vs power · type=PROPORTIONAL</h2>").doesNotContain("c-7f3a</h2>");
        assertThat(body(new CompareCell("c-7f3a", "", "e", 1, 0, ""), null)).doesNotContain("c-7f3a</h2>");
    }
}
