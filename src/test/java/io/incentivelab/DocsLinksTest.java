package io.incentivelab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documentation holds together: every relative link in {@code README.md} and {@code docs/**}{@code /*.md}
 * points at a file or folder that exists, every {@code #anchor} at a heading of the target page (by GitHub's
 * slug rules), and the README stays a front page.
 */
class DocsLinksTest {

    static final long README_MAX_BYTES = 12_500;

    /** {@code [text](target)} and {@code ![alt](target)}; the target may carry a {@code "title"}. */
    private static final Pattern INLINE_LINK = Pattern.compile("!?\\[(?:[^\\[\\]]|\\[[^\\]]*])*]\\(\\s*<?([^)\\s>]*)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    /** A reference definition: {@code [label]: target}. */
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+]:\\s*<?(\\S+?)>?(?:\\s.*)?$");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern HTML_ID = Pattern.compile("<a\\s+(?:name|id)=\"([^\"]+)\"");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    @Test
    void everyRelativeLinkAndAnchorResolves() {
        List<String> broken = brokenLinks(Path.of("."));
        assertThat(broken).as("broken links in the documentation (file: link — why)").isEmpty();
    }

    @Test
    void readmeIsAFrontPage() throws IOException {
        assertThat(Files.size(Path.of("README.md"))).as("README.md size in bytes").isLessThanOrEqualTo(README_MAX_BYTES);
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).as("the README states the run and the test command (CI's .ci/run runs the latter)")
                .contains("```sh\n./mvnw\n```").contains("```sh\n./mvnw -B -Pproduction verify\n```");
    }

    @Test
    void aBrokenLinkOrAnchorIsNamedWithItsFile(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs/img"));
        Files.writeString(root.resolve("docs/img/a.png"), "png");
        Files.writeString(root.resolve("README.md"), """
                # Front `page`

                See [the guide](docs/guide.md#the-cells-part-2), [a picture](docs/img/a.png),
                [missing](docs/nothing.md), [bad anchor](docs/guide.md#no-such-heading),
                [here](#front-page) and [web](https://example.org/x.md).

                ```
                [inside a fence](docs/not-checked.md)
                ```
                """);
        Files.writeString(root.resolve("docs/guide.md"), """
                # Guide
                ## The cells (part 2)
                ## Guide
                Back to [the front](../README.md#front-page), [duplicate](#guide-1), [not there](#guide-2).
                `[in code](nowhere.md)`
                """);
        assertThat(brokenLinks(root)).containsExactly(
                "README.md: docs/nothing.md — no such file",
                "README.md: docs/guide.md#no-such-heading — no heading with this anchor in docs/guide.md",
                "docs/guide.md: #guide-2 — no heading with this anchor in docs/guide.md");
    }

    @Test
    void slugsFollowGitHub() {
        assertThat(slug("Operators' economics and a moving population")).isEqualTo("operators-economics-and-a-moving-population");
        assertThat(slug("`economics` (network-wide, all fields have defaults)")).isEqualTo("economics-network-wide-all-fields-have-defaults");
        assertThat(slug("Notebooks over HTTP: `/api/notebooks`")).isEqualTo("notebooks-over-http-apinotebooks");
        assertThat(slug("Scale-out: experiments on a [cluster](x.md)")).isEqualTo("scale-out-experiments-on-a-cluster");
        assertThat(slug("Charts, comparisons and *staleness*")).isEqualTo("charts-comparisons-and-staleness");
        assertThat(slug("Run_it  twice")).isEqualTo("run_it--twice");
        assertThat(slug("Yuma 3 × 256")).isEqualTo("yuma-3--256");
    }

    /** Every broken relative link under {@code root}, as {@code "file: link — reason"}, files in path order. */
    static List<String> brokenLinks(Path root) {
        List<Path> pages = new ArrayList<>();
        if (Files.exists(root.resolve("README.md"))) {
            pages.add(root.resolve("README.md"));
        }
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.walk(docs)) {
                files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<Path, Set<String>> anchors = new HashMap<>();
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            String name = root.relativize(page).toString().replace('\\', '/');
            for (String link : links(read(page))) {
                String reason = check(root, page, link, anchors);
                if (reason != null) {
                    broken.add(name + ": " + link + " — " + reason);
                }
            }
        }
        return broken;
    }

    private static String check(Path root, Path page, String link, Map<Path, Set<String>> anchors) {
        if (link.isEmpty() || link.startsWith("//") || SCHEME.matcher(link).find()) {
            return null; // absolute: not checked here
        }
        int hash = link.indexOf('#');
        String path = hash < 0 ? link : link.substring(0, hash);
        String anchor = hash < 0 ? null : link.substring(hash + 1);
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        Path target = path.isEmpty() ? page
                : (path.startsWith("/") ? root.resolve(decode(path.substring(1))) : page.getParent().resolve(decode(path)));
        target = target.normalize();
        if (!target.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
            return "points outside the repository";
        }
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        if (!target.toString().endsWith(".md") || Files.isDirectory(target)) {
            return "an anchor into a file that is not Markdown";
        }
        Set<String> known = anchors.computeIfAbsent(target, t -> anchors(read(t)));
        if (!known.contains(decode(anchor).toLowerCase(Locale.ROOT))) {
            return "no heading with this anchor in " + root.relativize(target).toString().replace('\\', '/');
        }
        return null;
    }

    /** The link targets of a page, outside fenced code blocks and code spans, in order. */
    static List<String> links(String markdown) {
        List<String> found = new ArrayList<>();
        for (String line : proseLines(markdown)) {
            String prose = line.replaceAll("`[^`]*`", "``");
            Matcher m = REFERENCE_DEFINITION.matcher(prose);
            if (m.matches()) {
                found.add(m.group(1));
                continue;
            }
            m = INLINE_LINK.matcher(prose);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        return found;
    }

    /** The anchors GitHub makes for a page: a slug per heading (repeats get -1, -2, …) and explicit ids. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : proseLines(markdown)) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                String base = slug(h.group(2));
                int n = seen.merge(base, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? base : base + "-" + n);
            }
            Matcher id = HTML_ID.matcher(line);
            while (id.find()) {
                anchors.add(id.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return anchors;
    }

    /**
     * GitHub's heading slug: the heading's text as rendered (code marks, emphasis and link targets dropped),
     * lower case, every character that is not a letter, digit, space, hyphen or underscore removed, each space
     * turned into a hyphen.
     */
    static String slug(String heading) {
        String text = heading
                .replaceAll("!?\\[([^\\]]*)]\\([^)]*\\)", "$1") // links and images: their text
                .replaceAll("<[^>]+>", "") // inline HTML tags
                .replace("`", "")
                .replaceAll("(\\*\\*|__|\\*|(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}])|~~)", "");
        StringBuilder slug = new StringBuilder();
        text.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    private static List<String> proseLines(String markdown) {
        List<String> lines = new ArrayList<>();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            String trimmed = line.stripLeading();
            if (fence == null && (trimmed.startsWith("```") || trimmed.startsWith("~~~"))) {
                fence = trimmed.substring(0, 3);
            } else if (fence != null && trimmed.startsWith(fence)) {
                fence = null;
            } else if (fence == null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
