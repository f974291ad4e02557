package io.incentivelab.metagraph;

import io.incentivelab.simulation.model.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A metagraph snapshot that cannot be read, with every problem found, each naming its JSON path. */
public final class InvalidMetagraphException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidMetagraphException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
