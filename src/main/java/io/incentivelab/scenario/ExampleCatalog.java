package io.incentivelab.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.incentivelab.simulation.model.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The example scenarios packaged into the jar under {@code examples/} (from {@code data/examples/} at build
 * time), found on the classpath however the app is started: from the repo, as a jar, or in the image.
 */
public final class ExampleCatalog {

    private static final String PATTERN = "classpath*:examples/*.scenario.json";

    /**
     * One packaged example.
     *
     * @param fileName    e.g. {@code reward-curves.scenario.json}
     * @param name        the scenario's {@code name}
     * @param description the question it asks
     * @param json        the file's text
     */
    public record Example(String fileName, String name, String description, String json) {

        /** The parsed, fully-defaulted scenario. */
        public Scenario scenario() {
            return ScenarioCodec.parse(json);
        }
    }

    private ExampleCatalog() {
    }

    /** Every packaged scenario example, by file name. */
    public static List<Example> list() {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(ExampleCatalog.class.getClassLoader())
                    .getResources(PATTERN);
            List<Example> out = new ArrayList<>();
            for (Resource r : resources) {
                String file = r.getFilename();
                if (file == null || out.stream().anyMatch(e -> e.fileName().equals(file))) {
                    continue;
                }
                String json;
                try (InputStream in = r.getInputStream()) {
                    json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                JsonNode node = ScenarioCodec.readTree(json);
                out.add(new Example(file, node.path("name").asText(file), node.path("description").asText(""), json));
            }
            out.sort(Comparator.comparing(Example::fileName));
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<Example> find(String fileName) {
        return list().stream().filter(e -> e.fileName().equals(fileName)).findFirst();
    }
}
