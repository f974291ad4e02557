package io.incentivelab.notebook.ui;

import io.incentivelab.notebook.NotebookDocument;
import io.incentivelab.notebook.OwnerKey;
import io.incentivelab.notebook.app.NotebookApplicationService;
import java.util.function.Supplier;

/**
 * The notebook a view has open, as its presenters need it.
 *
 * @param app      what they load, run and store through
 * @param id       the stored notebook's id, or null for a read-only example (nothing is stored)
 * @param owner    the browser's owner key
 * @param document the document as edited now
 */
record OpenNotebook(NotebookApplicationService app, String id, OwnerKey owner, Supplier<NotebookDocument> document) {
}
