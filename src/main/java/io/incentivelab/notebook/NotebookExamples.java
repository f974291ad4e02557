package io.incentivelab.notebook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The example notebooks: read-only templates loaded once from the classpath ({@code examples/*.notebook.json},
 * packaged from {@code data/examples/}), with their stored outputs. A file that does not read is logged and
 * left out rather than failing the app.
 */
@Component
class NotebookExamples {

    static final String ID_PREFIX = "example:";
    private static final Logger log = LoggerFactory.getLogger(NotebookExamples.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}");

    private final Map<String, Notebook> byName;

    @Autowired
    NotebookExamples() {
        this("classpath*:examples/*.notebook.json");
    }

    NotebookExamples(String pattern) {
        this.byName = load(pattern);
    }

    List<ExampleSummary> list() {
        return byName.entrySet().stream()
                .map(e -> new ExampleSummary(e.getKey(), e.getValue().title(), describe(e.getValue().document())))
                .toList();
    }

    Optional<Notebook> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static Map<String, Notebook> load(String pattern) {
        Map<String, Notebook> found = new LinkedHashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
            Arrays.sort(resources, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (Resource r : resources) {
                String file = String.valueOf(r.getFilename());
                String name = file.substring(0, file.length() - ".notebook.json".length());
                if (!NAME.matcher(name).matches() || found.containsKey(name)) {
                    continue;
                }
                try (InputStream in = r.getInputStream()) {
                    NotebookFile nb = NotebookCodec.readFile(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    found.put(name, new Notebook(ID_PREFIX + name, nb.document(), nb.outputs(), 0, null,
                            Instant.EPOCH, Instant.EPOCH, true));
                } catch (IOException | RuntimeException e) {
                    log.warn("Example notebook {} left out: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Example notebooks could not be listed: {}", e.getMessage());
        }
        return found;
    }

    /** The first prose paragraph of the first note, without Markdown markup, at most 240 characters. */
    static String describe(NotebookDocument d) {
        for (Cell c : d.cells()) {
            if (c instanceof NoteCell n) {
                for (String para : n.markdown().split("\\n\\s*\\n")) {
                    String t = para.strip();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        t = t.replaceAll("[*_`>#\\[\\]]", "").replaceAll("\\(https?:[^)]*\\)", "").replaceAll("\\s+", " ");
                        return t.length() > 240 ? t.substring(0, 237) + "…" : t;
                    }
                }
            }
        }
        return "";
    }
}
