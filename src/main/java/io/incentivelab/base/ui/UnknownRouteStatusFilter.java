package io.incentivelab.base.ui;

import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import io.incentivelab.base.NotFoundStatus;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * HTTP status 404 for the page request of an address that is neither a view nor an API endpoint
 * ({@code /h2-console}, {@code /api/no-such-thing}, a mistyped page). Vaadin answers every unknown path with its
 * bootstrap page and shows {@link NotFoundView} in it; this filter makes the status say so too. Vaadin's own
 * requests ({@code v-r=…}, {@code /VAADIN/…}), files (a dot in the last segment) and the exposed actuator endpoints
 * (health) pass untouched.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not in the headless worker profile
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class UnknownRouteStatusFilter extends OncePerRequestFilter {

    private final RequestMappingHandlerMapping controllers;

    UnknownRouteStatusFilter(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping controllers) {
        this.controllers = controllers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !"GET".equals(request.getMethod()) || request.getParameter("v-r") != null || path.startsWith("/VAADIN/")
                || path.startsWith("/HEARTBEAT") || path.equals("/actuator") || path.startsWith("/actuator/health")
                || path.startsWith("/error")
                || last.contains(".");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isController(request) || isView(request)) {
            chain.doFilter(request, response);
            return;
        }
        NotFoundStatus.continueAsNotFound(request, response, chain);
    }

    private boolean isController(HttpServletRequest request) {
        try {
            return controllers.getHandler(request) != null;
        } catch (Exception e) {
            return true; // let the dispatcher answer whatever it is
        }
    }

    private boolean isView(HttpServletRequest request) {
        String route = path(request);
        route = route.startsWith("/") ? route.substring(1) : route;
        route = route.endsWith("/") ? route.substring(0, route.length() - 1) : route;
        ApplicationRouteRegistry registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(getServletContext()));
        return registry.getNavigationTarget(route).isPresent();
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
