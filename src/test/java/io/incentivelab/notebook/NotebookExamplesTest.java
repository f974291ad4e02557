package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NotebookExamplesTest {

    private final NotebookExamples examples = new NotebookExamples("classpath*:notebook-examples-test/*.notebook.json");

    @Test
    void readableExamplesAreListedWithADescription() {
        assertThat(examples.list()).containsExactly(
                new ExampleSummary("tiny", "Tiny example", "A small example that asks nothing."));
    }

    @Test
    void examplesAreReadOnly() {
        Notebook nb = examples.find("tiny").orElseThrow();
        assertThat(nb.readOnly()).isTrue();
        assertThat(nb.id()).isEqualTo("example:tiny");
        assertThat(examples.find("broken")).isEmpty();
    }
}
