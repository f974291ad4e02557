package io.incentivelab.notebook;

/**
 * One example notebook on the home page.
 *
 * @param name        file name without {@code .notebook.json}; the example's address is {@code /examples/{name}}
 * @param title       the notebook's title
 * @param description the first paragraph of its first note
 */
public record ExampleSummary(String name, String title, String description) {
}
