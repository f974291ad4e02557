package io.incentivelab.notebook;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

    /** The note rendered to sanitised HTML (a fragment). */
    public static String toSafeHtml(String markdown) {
        String html = RENDERER.render(PARSER.parse(markdown == null ? "" : markdown));
        Document.OutputSettings out = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFE, out);
    }
}
