package io.incentivelab.notebook;

import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Safelist;

/**
 * Notes as safe HTML. Two layers: CommonMark escapes any raw HTML the author typed (so {@code <script>} and
 * {@code <img onerror=…>} show as text) and drops unsafe link targets ({@code javascript:} and the like);
 * then jsoup keeps only a safelist of formatting tags and http(s)/mailto links, with {@code rel="nofollow
 * noopener"} on every link. What comes out carries no script, no event handler and no style.
 */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();
    private static final Safelist SAFE = Safelist.relaxed()
            .removeTags("img")
            .addTags("hr", "del", "s")
            .removeProtocols("a", "href", "ftp")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");

    private Markdown() {
    }

    /** Deepest nesting of Markdown blocks and inlines rendered as such; deeper notes are shown as plain text. */
    public static final int MAX_NESTING = 64;

    /**
     * The note rendered to sanitised HTML (a fragment). A note nested deeper than {@link #MAX_NESTING} (thousands
     * of {@code >} or list levels, which would overflow the renderer's stack) is shown as its text in a
     * {@code <pre>}, escaped.
     */
    public static String toSafeHtml(String markdown) {
        String text = markdown == null ? "" : markdown;
        Node doc = PARSER.parse(text);
        String html = depth(doc) > MAX_NESTING ? "<pre>" + Entities.escape(text) + "</pre>"
                : RENDERER.render(doc);
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFE, out);
    }

    /** Depth of the syntax tree, walked without recursion. */
    private static int depth(Node root) {
        int max = 0;
        int depth = 0;
        Node n = root;
        while (n != null) {
            max = Math.max(max, depth);
            if (n.getFirstChild() != null) {
                n = n.getFirstChild();
                depth++;
                continue;
            }
            while (n != null && n != root && n.getNext() == null) {
                n = n.getParent();
                depth--;
            }
            n = n == null || n == root ? null : n.getNext();
        }
        return max;
    }
}
