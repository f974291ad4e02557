package io.incentivelab.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every response carries the security headers; the H2 console is not reachable. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:headersit;DB_CLOSE_DELAY=-1")
class SecurityHeadersIT {

    @Autowired
    TestRestTemplate http;

    @Test
    void pagesAndApiCarrySecurityHeaders() {
        for (String path : new String[] {"/", "/actuator/health"}) {
            HttpHeaders headers = http.getForEntity(path, String.class).getHeaders();
            assertThat(headers.getFirst("Content-Security-Policy")).contains("frame-ancestors 'none'")
                    .contains("object-src 'none'");
            assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
            assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("no-referrer");
        }
    }

    @Test
    void noH2Console() {
        ResponseEntity<String> console = http.getForEntity("/h2-console/login.jsp", String.class);
        String body = console.getBody() == null ? "" : console.getBody();
        assertThat(body).doesNotContain("JDBC URL").doesNotContain("H2 Console");
        assertThat(console.getStatusCode()).isNotEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
