package io.incentivelab.simulation.model;

import java.util.List;

/** A scenario that cannot be run; carries every problem found, each with its JSON path. */
public class InvalidScenarioException extends IllegalArgumentException {

    private final List<Problem> problems;

    public InvalidScenarioException(List<Problem> problems) {
        super(summarise(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summarise(List<Problem> problems) {
        StringBuilder sb = new StringBuilder("invalid scenario (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ")");
        for (Problem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
