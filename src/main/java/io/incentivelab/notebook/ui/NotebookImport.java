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

/** Import of a {@code *.notebook.json} file: an upload button and, below it, what is wrong with a bad file. */
class NotebookImport extends Div {

    private final Div problems = new Div();

    NotebookImport() {
        addClassName("notebook-import");
        MemoryBuffer buffer = new MemoryBuffer();
        Upload upload = new Upload(buffer);
        upload.setAcceptedFileTypes(".json", "application/json");
        upload.setMaxFileSize(NotebookCodec.MAX_FILE_BYTES);
        upload.setDropAllowed(false);
        upload.setUploadButton(new Button("Import .notebook.json", VaadinIcon.UPLOAD.create()));
        upload.setId("import-notebook");
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
        problems.removeAll();
        Div head = new Div("The file could not be imported:");
        UnorderedList items = new UnorderedList();
        list.stream().limit(20).forEach(p -> items.add(new ListItem(p.path() + ": " + p.message())));
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
