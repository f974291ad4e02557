package io.incentivelab.notebook.sharing;

import io.incentivelab.base.NotFoundStatus;
import io.incentivelab.notebook.NotebookService;
import io.incentivelab.notebook.OwnerKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP status 404 for the page request of a share link that does not resolve (unknown, malformed or revoked
 * alike) and of a notebook the caller's owner key may not edit (unknown or someone else's alike). Vaadin
 * serves the same bootstrap page either way and its router then shows the not-found view; this filter only
 * makes the status say so, identically for every kind of miss. Vaadin's own requests ({@code v-r=…}) pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class LinkStatusFilter extends OncePerRequestFilter {

    private final SnapshotService snapshots;
    private final NotebookService notebooks;

    LinkStatusFilter(SnapshotService snapshots, NotebookService notebooks) {
        this.snapshots = snapshots;
        this.notebooks = notebooks;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"GET".equals(request.getMethod()) || request.getParameter("v-r") != null
                || !(path.startsWith("/s/") || path.startsWith("/notebooks/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean found;
        if (path.startsWith("/s/")) {
            found = snapshots.open(path.substring(3)).isPresent();
        } else {
            Object key = request.getAttribute(OwnerKeyFilter.ATTRIBUTE);
            found = key instanceof OwnerKey k && notebooks.find(path.substring("/notebooks/".length()), k).isPresent();
        }
        if (found) {
            chain.doFilter(request, response);
            return;
        }
        NotFoundStatus.continueAsNotFound(request, response, chain);
    }
}
