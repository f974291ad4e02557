package io.incentivelab.notebook;

/**
 * One thing wrong with a notebook file.
 *
 * @param path    JSON path of the offending value, e.g. {@code $.cells[2].replicates}
 * @param message what is wrong and what is allowed
 */
public record NotebookProblem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
