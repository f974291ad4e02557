package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.incentivelab.notebook.Cell;
import io.incentivelab.notebook.CellStaleness;
import io.incentivelab.notebook.CellType;
import java.util.Locale;

/**
 * The frame around one cell: its kind, move up/down, duplicate and delete buttons, and the cell's editor.
 * Shift+Enter anywhere inside the card runs the cell. Fires {@link ActionEvent}s; knows no services.
 */
class CellCard extends Div {

    /** What the user asked the notebook to do with this cell. */
    enum Action { MOVE_UP, MOVE_DOWN, DUPLICATE, DELETE }

    private final String cellId;
    private final CellEditor<?> editor;
    private final HorizontalLayout tools;
    private final Span state = new Span();

    CellCard(Cell cell, CellEditor<?> editor) {
        this.cellId = cell.id();
        this.editor = editor;
        addClassNames("cell-card", "cell-" + cell.type().name().toLowerCase(Locale.ROOT),
                LumoUtility.Border.ALL, LumoUtility.BorderColor.CONTRAST_10, LumoUtility.BorderRadius.MEDIUM,
                LumoUtility.Padding.MEDIUM, LumoUtility.Margin.Bottom.MEDIUM, LumoUtility.Background.BASE,
                LumoUtility.BoxShadow.XSMALL);
        setWidthFull();
        getStyle().set("box-sizing", "border-box");
        getElement().setAttribute("data-cell-id", cell.id());
        getElement().setAttribute("data-cell-type", cell.type().name());
        Span kind = new Span(label(cell.type()));
        kind.addClassNames("cell-kind", LumoUtility.FontWeight.SEMIBOLD, LumoUtility.TextColor.SECONDARY,
                LumoUtility.FontSize.SMALL);
        tools = new HorizontalLayout(
                tool(VaadinIcon.ARROW_UP, "Move up", Action.MOVE_UP),
                tool(VaadinIcon.ARROW_DOWN, "Move down", Action.MOVE_DOWN),
                tool(VaadinIcon.COPY_O, "Duplicate", Action.DUPLICATE),
                tool(VaadinIcon.TRASH, "Delete cell", Action.DELETE));
        tools.setSpacing(false);
        state.addClassName("cell-state");
        state.setVisible(false);
        HorizontalLayout header = new HorizontalLayout(new HorizontalLayout(kind, state), tools);
        header.addClassName("cell-header");
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        add(header, editor);
        Shortcuts.addShortcutListener(this, editor::run, Key.ENTER, KeyModifier.SHIFT)
                .listenOn(this)
                .setBrowserDefaultAllowed(false);
    }

    private Button tool(VaadinIcon icon, String name, Action action) {
        Button b = new Button(icon.create(), e -> fireEvent(new ActionEvent(this, action)));
        b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        b.setAriaLabel(name);
        // the browser's own tooltip: a vaadin-tooltip per button would be four more components in every card
        b.getElement().setAttribute("title", name);
        if (action == Action.DELETE) {
            b.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return b;
    }

    static String label(CellType type) {
        return switch (type) {
            case NOTE -> "Note";
            case SCENARIO -> "Scenario";
            case EXPERIMENT -> "Experiment";
            case CHART -> "Chart";
            case COMPARE -> "Compare";
        };
    }

    String cellId() {
        return cellId;
    }

    CellEditor<?> editor() {
        return editor;
    }

    void setReadOnly(boolean readOnly) {
        tools.setVisible(!readOnly);
        editor.setReadOnly(readOnly);
    }

    /** Shows whether the cell's output matches its inputs: a "Stale" or "Not run" badge, none when fresh. */
    void setState(CellStaleness.State s) {
        state.getElement().setAttribute("data-state", s.name().toLowerCase(Locale.ROOT));
        getElement().setAttribute("data-state", s.name().toLowerCase(Locale.ROOT));
        state.getElement().getThemeList().clear();
        switch (s) {
            case STALE -> {
                state.setText("Stale");
                state.getElement().getThemeList().add("badge warning");
                state.getElement().setAttribute("title", "Its inputs changed since it ran; run it again");
            }
            case NOT_RUN -> {
                state.setText("Not run");
                state.getElement().getThemeList().add("badge contrast");
                state.getElement().setAttribute("title", "No output yet");
            }
            default -> state.setText("");
        }
        state.setVisible(s == CellStaleness.State.STALE
                || s == CellStaleness.State.NOT_RUN);
    }

    Registration addActionListener(ComponentEventListener<ActionEvent> listener) {
        return addListener(ActionEvent.class, listener);
    }

    /** Move, duplicate or delete this cell. */
    static class ActionEvent extends ComponentEvent<CellCard> {
        private final Action action;

        ActionEvent(CellCard source, Action action) {
            super(source, true);
            this.action = action;
        }

        Action getAction() {
            return action;
        }
    }
}
