package io.incentivelab.notebook.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.receivers.MemoryBuffer;
import com.vaadin.flow.shared.Registration;
import io.incentivelab.notebook.NotebookCodec;
import io.incentivelab.notebook.NotebookProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Import of a file (a {@code *.notebook.json}, a metagraph snapshot): an upload button and, below it, what is
 * wrong with a bad file.
 */
class NotebookImport extends Div {

    private final Div problems = new Div();

    /** The notebook file import. */
    NotebookImport() {
        this("Import .notebook.json", "import-notebook", NotebookCodec.MAX_FILE_BYTES);
    }

    NotebookImport(String buttonText, String id, int maxBytes) {
        addClassName("notebook-import");
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setAcceptedFileTypes(".json", "application/json");
        upload.setMaxFileSize(maxBytes);
        upload.setDropAllowed(false);
        upload.setUploadButton(new Button(buttonText, VaadinIcon.UPLOAD.create()));
        upload.setId(id);
        upload.addSucceededListener(e -> {
            problems.removeAll();
            try (var in = buffer.getInputStream()) {
                fireEvent(new ImportedEvent(this, in.readAllBytes()));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            upload.clearFileList();
        });
        upload.addFileRejectedListener(e -> showProblems(List.of(new NotebookProblem("file", e.getErrorMessage()))));
        problems.addClassName("import-problems");
        add(upload, problems);
    }

    /** Lists what is wrong with the file, each line naming its field. */
    void showProblems(List<NotebookProblem> list) {
        showLines(list.stream().map(p -> p.path() + ": " + p.message()).toList());
    }

    /** Lists what is wrong with the file, one line each (the first 20). */
    void showLines(List<String> lines) {
        problems.removeAll();
        Div head = new Div("The file could not be imported:");
        UnorderedList items = new UnorderedList();
        lines.stream().limit(20).forEach(l -> items.add(new ListItem(l)));
        problems.add(head, items);
    }

    Registration addImportListener(ComponentEventListener<ImportedEvent> listener) {
        return addListener(ImportedEvent.class, listener);
    }

    /** A file arrived; the view imports it through the service. */
    static class ImportedEvent extends ComponentEvent<NotebookImport> {
        private final byte[] content;

        ImportedEvent(NotebookImport source, byte[] content) {
            super(source, false);
            this.content = content;
        }

        byte[] getContent() {
            return content;
        }
    }
}
