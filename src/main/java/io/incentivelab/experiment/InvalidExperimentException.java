package io.incentivelab.experiment;

import java.util.List;
import java.util.stream.Collectors;

/** An experiment file that cannot run, with every problem found (not just the first). */
public class InvalidExperimentException extends RuntimeException {

    private final List<SpecProblem> problems;

    public InvalidExperimentException(List<SpecProblem> problems) {
        super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SpecProblem> problems() {
        return problems;
    }
}
