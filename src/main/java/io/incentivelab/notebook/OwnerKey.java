package io.incentivelab.notebook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A browser's edit capability: 128 random bits (URL-safe base64, 22 characters) kept in an HttpOnly cookie.
 * Whoever holds it may edit the notebooks granted to it; the database stores only its SHA-256 hash
 * ({@link #hash()}). The same generator makes share and edit-link tokens ({@link #randomToken()}).
 * {@code toString} never prints the key, so it cannot reach a log by accident.
 */
public final class OwnerKey {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    private final String value;

    private OwnerKey(String value) {
        this.value = value;
    }

    /** A new random key. */
    public static OwnerKey generate() {
        return new OwnerKey(randomToken());
    }

    /** The key a cookie holds, if it is well formed. */
    public static Optional<OwnerKey> parse(String value) {
        return isToken(value) ? Optional.of(new OwnerKey(value)) : Optional.empty();
    }

    /** The key's text, for the cookie only. */
    public String value() {
        return value;
    }

    /** SHA-256 of the key, hex: what the database stores. */
    public String hash() {
        return sha256(value);
    }

    /** 128 random bits from {@link SecureRandom}, URL-safe base64 without padding (22 characters). */
    public static String randomToken() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** True if the text has a token's shape (so junk is refused before it reaches a query). */
    public static boolean isToken(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    /** SHA-256, hex. */
    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OwnerKey k && k.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "OwnerKey[hidden]";
    }
}
