package io.incentivelab.notebook.sharing.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.sharing.OwnerKeyFilter;

/**
 * The owner key of the browser behind the current request, for views to pass to the services. It is read
 * from the request ({@link OwnerKeyFilter} puts it there) and kept in the Vaadin session, so listeners that
 * run over the push connection see the same key.
 */
public final class CurrentOwner {

    private CurrentOwner() {
    }

    /** The key, or null outside a browser request (services then show and allow nothing). */
    public static OwnerKey get() {
        VaadinRequest request = VaadinRequest.getCurrent();
        OwnerKey key = null;
        if (request != null) {
            Object attr = request.getAttribute(OwnerKeyFilter.ATTRIBUTE);
            key = attr instanceof OwnerKey k ? k : OwnerKeyFilter.fromCookies(request.getCookies()).orElse(null);
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            if (key != null) {
                session.setAttribute(OwnerKey.class, key);
            } else {
                key = session.getAttribute(OwnerKey.class);
            }
        }
        return key;
    }
}
