package io.incentivelab.experiment;

/**
 * One thing wrong with an experiment.
 *
 * @param at      where: the part of the experiment and its indexes ({@link SpecLocation#path()} is the JSON path)
 * @param message what is wrong, in words for the user
 */
public record SpecProblem(SpecLocation at, String message) {

    /** A problem at a JSON path into the file, e.g. {@code $.sweep.axes[0].steps}. */
    public SpecProblem(String path, String message) {
        this(SpecLocation.json(path), message);
    }

    /** Where, as a JSON path into the file. */
    public String path() {
        return at.path();
    }

    @Override
    public String toString() {
        return path() + ": " + message;
    }
}
