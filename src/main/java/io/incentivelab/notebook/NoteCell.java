package io.incentivelab.notebook;

import java.util.Objects;

/** Markdown prose. Shown rendered and sanitised; raw HTML in it is never executed. */
public record NoteCell(String id, String markdown) implements Cell {

    public NoteCell {
        Objects.requireNonNull(id, "id");
        markdown = markdown == null ? "" : markdown;
    }

    @Override
    public CellType type() {
        return CellType.NOTE;
    }

    @Override
    public NoteCell withId(String newId) {
        return new NoteCell(newId, markdown);
    }

    public NoteCell withMarkdown(String text) {
        return new NoteCell(id, text);
    }
}
