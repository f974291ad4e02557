package io.incentivelab.notebook;

import java.util.List;
import org.springframework.stereotype.Service;

/** Application service for notebooks; views call this, never the repository. */
@Service
public class NotebookService {

    private static final int LIST_LIMIT = 500;

    private final NotebookRepository repository;

    NotebookService(NotebookRepository repository) {
        this.repository = repository;
    }

    /** The notebooks, most recently changed first. */
    public List<NotebookSummary> listNotebooks() {
        return repository.findRecent(LIST_LIMIT);
    }
}
