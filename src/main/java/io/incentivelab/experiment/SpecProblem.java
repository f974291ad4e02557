package io.incentivelab.experiment;

/**
 * One thing wrong with an experiment file.
 *
 * @param path    where, as a JSON path into the file, e.g. {@code $.sweep.axes[0].steps}
 * @param message what is wrong, in words for the user
 */
public record SpecProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
