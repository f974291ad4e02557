package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/**
 * "Run all" and, while a run goes on, how many cells it has left and "Cancel run all". Knows no services: it calls
 * back on a click, and is told when a run starts, moves on and ends.
 */
class RunAllBar extends HorizontalLayout {

    private final Button runAll = new Button("Run all", VaadinIcon.FORWARD.create());
    private final Button cancel = new Button("Cancel run all", VaadinIcon.STOP.create());

    /**
     * @param onRunAll the user asked to run the stale and not-yet-run cells
     * @param onCancel the user asked to stop the run going on
     */
    RunAllBar(Runnable onRunAll, Runnable onCancel) {
        setSpacing(false);
        setPadding(false);
        runAll.addClassName("run-all");
        runAll.setTooltipText("Runs the stale and not-yet-run cells, top to bottom");
        runAll.addClickListener(e -> onRunAll.run());
        cancel.addClassName("run-all-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.addClickListener(e -> onCancel.run());
        add(runAll, cancel);
        showIdle();
    }

    /** A run goes on with {@code left} cells to go ({@code left} &lt; 0: not known, it began before the page opened). */
    void showRunning(int left) {
        runAll.setEnabled(false);
        runAll.setText(left < 0 ? "Running…" : "Running " + left + " cell" + (left == 1 ? "" : "s") + "…");
        cancel.setVisible(true);
    }

    /** No run goes on. */
    void showIdle() {
        runAll.setEnabled(true);
        runAll.setText("Run all");
        cancel.setVisible(false);
    }
}
