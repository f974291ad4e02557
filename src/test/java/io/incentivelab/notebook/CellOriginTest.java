package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.incentivelab.experiment.ExperimentOrigin;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The notebook's origin tag: composed from a cell, parsed back, and read from what was stored before. */
class CellOriginTest {

    @Test
    void aCellsOriginTagRoundTrips() {
        CellOrigin cell = new CellOrigin(UUID.randomUUID().toString(), "e1");
        ExperimentOrigin tag = cell.tag();
        assertThat(CellOrigin.parse(tag)).contains(cell);
        assertThat(tag.group()).isEqualTo(CellOrigin.group(cell.notebookId()));
        assertThat(CellOrigin.parse(null)).isEmpty();
    }

    @Test
    void anOriginStoredBeforeTheTagWasOpaqueNamesItsCell() {
        // rows stored before hold (notebook_id, cell_id), which the store reads as (group, member)
        assertThat(CellOrigin.parse(new ExperimentOrigin("0f8fad5b-d9cb-469f-a165-70867728950e", "cell-7")))
                .contains(new CellOrigin("0f8fad5b-d9cb-469f-a165-70867728950e", "cell-7"));
    }
}
