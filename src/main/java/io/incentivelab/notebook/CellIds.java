package io.incentivelab.notebook;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Cell ids: short random strings, unique within a notebook, stable across edits, copies and exports. */
public final class CellIds {

    /** What an id may look like in a file. */
    public static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private CellIds() {
    }

    /** A new id such as {@code c-7hq2m9xk}: 40 random bits, enough within one notebook. */
    public static String next() {
        StringBuilder sb = new StringBuilder("c-");
        for (int i = 0; i < 8; i++) {
            sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    /** A new id not used by any cell of the document. */
    public static String nextFor(NotebookDocument document) {
        String id;
        do {
            id = next();
        } while (document.indexOf(id) >= 0);
        return id;
    }
}
