package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import io.incentivelab.experiment.ExperimentProgress;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.LinkedHashMap;
import java.util.Map;

/** The notebook's running experiments: one line each with its progress, ETA and Cancel. Hidden when idle. */
class JobsPanel extends Div {

    private final Div rows = new Div();
    private final Map<String, Row> byCell = new LinkedHashMap<>();

    JobsPanel() {
        addClassNames("jobs-panel", LumoUtility.Background.CONTRAST_5, LumoUtility.Padding.SMALL,
                LumoUtility.BorderRadius.MEDIUM);
        setWidthFull();
        add(new H4("Running experiments"), rows);
        setVisible(false);
    }

    /** Shows (or, once it ended, removes) the job of a cell. */
    void update(String cellId, String label, ExperimentProgress p, Runnable cancel) {
        if (p.status().terminal()) {
            Row r = byCell.remove(cellId);
            if (r != null) {
                rows.remove(r.line);
            }
        } else {
            byCell.computeIfAbsent(cellId, id -> new Row(label, cancel)).show(p);
        }
        setVisible(!byCell.isEmpty());
    }

    private final class Row {
        final HorizontalLayout line = new HorizontalLayout();
        final ProgressBar bar = new ProgressBar();
        final Span text = new Span();

        Row(String label, Runnable cancel) {
            Button stop = new Button("Cancel", e -> cancel.run());
            stop.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            bar.setWidth("10em");
            line.add(new Span(label), bar, text, stop);
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
            line.addClassName("job");
            rows.add(line);
        }

        void show(ExperimentProgress p) {
            bar.setValue(Math.min(1, Math.max(0, p.fraction())));
            text.setText(p.done() + " / " + p.total() + " runs"
                    + (p.etaSeconds() == null ? "" : " · about " + ResultsTable.duration(p.etaSeconds()) + " left"));
        }
    }
}
