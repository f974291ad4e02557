package io.incentivelab.simulation.scoring;

/**
 * A scoring expression that cannot be parsed or breaks a limit. {@link #column} is the 1-based column of the
 * offending character (length + 1 at the end of the text); the message reads "column N: ...".
 */
public final class ScoringSyntaxException extends IllegalArgumentException {
    private final int column;
    private final String detail;

    public ScoringSyntaxException(int column, String detail) {
        super("column " + column + ": " + detail);
        this.column = column;
        this.detail = detail;
    }

    /** 1-based column of the error. */
    public int column() {
        return column;
    }

    /** The message without the column prefix. */
    public String detail() {
        return detail;
    }
}
