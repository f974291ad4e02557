package io.incentivelab.notebook.sharing;

import io.incentivelab.notebook.OwnerKey;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every browser an owner key: the {@value #COOKIE} cookie (HttpOnly, SameSite=Lax, ten years, Secure
 * over HTTPS). A request without a well-formed one gets a new key, set on the response. The key is put on
 * the request as the attribute {@value #ATTRIBUTE} for the views to pass to the services.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class OwnerKeyFilter extends OncePerRequestFilter {

    public static final String COOKIE = "lab_owner";
    public static final String ATTRIBUTE = OwnerKey.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        OwnerKey key = fromCookies(request.getCookies()).orElseGet(() -> {
            OwnerKey fresh = OwnerKey.generate();
            response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, fresh.value())
                    .httpOnly(true).sameSite("Lax").secure(request.isSecure()).path("/")
                    .maxAge(Duration.ofDays(3650)).build().toString());
            return fresh;
        });
        request.setAttribute(ATTRIBUTE, key);
        chain.doFilter(request, response);
    }

    /** The owner key among a request's cookies, if any. */
    public static Optional<OwnerKey> fromCookies(Cookie[] cookies) {
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie c : cookies) {
            if (COOKIE.equals(c.getName())) {
                return OwnerKey.parse(c.getValue());
            }
        }
        return Optional.empty();
    }
}
