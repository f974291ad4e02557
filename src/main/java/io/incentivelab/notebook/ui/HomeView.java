package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.NotebookSummary;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Home: the list of notebooks. */
@Route("")
@PageTitle("Incentive Lab")
public class HomeView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final NotebookService notebooks;

    public HomeView(NotebookService notebooks) {
        this.notebooks = notebooks;
        addClassName("home-view");
        add(new H2("Notebooks"));
        add(configureList(notebooks.listNotebooks()));
    }

    private com.vaadin.flow.component.Component configureList(List<NotebookSummary> items) {
        if (items.isEmpty()) {
            Paragraph empty = new Paragraph("No notebooks yet.");
            empty.addClassName("empty-state");
            return empty;
        }
        Grid<NotebookSummary> grid = new Grid<>();
        grid.addColumn(NotebookSummary::title).setHeader("Title").setFlexGrow(3);
        grid.addColumn(n -> WHEN.format(n.updatedAt())).setHeader("Changed");
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
