package io.incentivelab.notebook.sharing;

import java.time.Instant;

/**
 * One share link as its owner sees it. The token is only known when the link is made (the database keeps
 * its hash); listed links have a null token.
 *
 * @param id    hash of the token: the handle for revoking
 * @param token the secret part of {@code /s/{token}}, or null when listed later
 */
public record SharedLink(String id, String token, String title, Instant createdAt) {

    /** The path of the link, e.g. {@code /s/AbC…}; null when the token is not known. */
    public String path() {
        return token == null ? null : "/s/" + token;
    }
}
