package io.incentivelab.notebook;

import java.util.List;

/** A notebook file that cannot be read; carries every problem found, each naming its field. */
public class InvalidNotebookException extends IllegalArgumentException {

    private final List<NotebookProblem> problems;

    public InvalidNotebookException(List<NotebookProblem> problems) {
        super(summarise(problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidNotebookException(String path, String message) {
        this(List.of(new NotebookProblem(path, message)));
    }

    public List<NotebookProblem> problems() {
        return problems;
    }

    private static String summarise(List<NotebookProblem> problems) {
        StringBuilder sb = new StringBuilder("invalid notebook (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ")");
        for (NotebookProblem p : problems) {
            sb.append("\n  ").append(p);
        }
        return sb.toString();
    }
}
