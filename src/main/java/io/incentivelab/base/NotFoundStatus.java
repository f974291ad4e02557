package io.incentivelab.base;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Lets Vaadin render its page (the not-found view) while the HTTP status says 404: for the filters that know,
 * before Vaadin does, that an address names nothing.
 */
public final class NotFoundStatus {

    private NotFoundStatus() {
    }

    /** Continues the chain with status 404, which a later {@code setStatus(200)} cannot undo. */
    public static void continueAsNotFound(ServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int sc) {
                super.setStatus(sc == HttpServletResponse.SC_OK ? HttpServletResponse.SC_NOT_FOUND : sc);
            }
        });
    }
}
