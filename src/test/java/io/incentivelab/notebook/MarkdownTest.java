package io.incentivelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void markdownRenders() {
        assertThat(Markdown.toSafeHtml("# Title\n\n*em* and **strong**\n\n- one\n- two"))
                .contains("<h1>Title</h1>", "<em>em</em>", "<strong>strong</strong>", "<li>one</li>");
    }

    @Test
    void rawHtmlIsShownAsTextNotRun() {
        String html = Markdown.toSafeHtml("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>");
        assertThat(html).doesNotContain("<script", "<img").contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img");
    }

    @Test
    void inlineHtmlAndHandlersAreEscaped() {
        String html = Markdown.toSafeHtml("hi <b onmouseover=\"alert(1)\">x</b> <iframe src=//evil>");
        assertThat(html).doesNotContain("<b ", "<iframe").contains("&lt;b onmouseover");
    }

    @Test
    void dangerousLinksLoseTheirTarget() {
        String html = Markdown.toSafeHtml("[a](javascript:alert(1)) [b](data:text/html,x) [c](https://example.org)");
        assertThat(html).doesNotContain("javascript:", "data:text");
        assertThat(html).contains("href=\"https://example.org\"").contains("rel=\"nofollow noopener noreferrer\"");
    }

    @Test
    void notesNestedThousandsDeepShowAsTextInsteadOfOverflowingTheRenderer() {
        String deep = ">".repeat(10_000) + " <script>x</script> quote";
        String html = Markdown.toSafeHtml(deep);
        assertThat(html).startsWith("<pre>").contains("quote").doesNotContain("<script").doesNotContain("<blockquote");
        String lists = "- a\n".repeat(1) + "  ".repeat(0);
        assertThat(Markdown.toSafeHtml(">".repeat(Markdown.MAX_NESTING - 2) + " fine")).contains("<blockquote>").contains("fine");
        assertThat(Markdown.toSafeHtml(lists)).contains("<li>a</li>");
    }
}
