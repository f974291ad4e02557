package io.incentivelab.notebook.sharing.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import io.incentivelab.notebook.Notebook;
import io.incentivelab.notebook.NotebookService;

/**
 * A private edit link, {@code /claim/{token}}: this browser may edit the notebook from now on, and goes to
 * it. An unknown or replaced link shows the not-found page.
 */
@Route("claim/:token")
public class ClaimView extends Div implements BeforeEnterObserver {

    private final NotebookService notebooks;

    public ClaimView(NotebookService notebooks) {
        this.notebooks = notebooks;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var id = notebooks.claimEditLink(event.getRouteParameters().get("token").orElse(""), CurrentOwner.get());
        if (id.isEmpty()) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        event.forwardTo(Notebook.location(id.get()));
    }
}
