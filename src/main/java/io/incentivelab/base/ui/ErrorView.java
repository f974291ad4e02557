package io.incentivelab.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shown for any unexpected error while navigating: a plain message and a way home, never a stack trace.
 * The exception is logged on the server with an id the user can quote.
 */
@PageTitle("Something went wrong · Incentive Lab")
@ParentLayout(MainLayout.class)
public class ErrorView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    private final Paragraph detail = new Paragraph();

    public ErrorView() {
        addClassName("error-view");
        add(new H2("Something went wrong"), detail, new Anchor("", "Back to your notebooks"));
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String incident = Long.toHexString(System.nanoTime());
        log.error("Error view shown (incident {}) for {}", incident, event.getLocation().getPath(),
                parameter.getException());
        detail.setText("The page could not be shown. Your saved work is not affected. Incident " + incident + ".");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
