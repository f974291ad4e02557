package io.incentivelab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** House style that the compiled classes cannot show: no fully qualified class names inline in code. */
class SourceStyleTest {

    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:java|javax|jakarta|com|org|io|net)\\.(?:[a-z_]\\w*\\.)+[A-Z]\\w*)");

    @Test
    void noFullyQualifiedNamesInline() throws IOException {
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/bench/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String[] lines = codeOnly(Files.readString(f, StandardCharsets.UTF_8)).split("\n", -1);
                    for (int i = 0; i < lines.length; i++) {
                        String t = lines[i].strip();
                        if (t.startsWith("import ") || t.startsWith("package ")) {
                            continue;
                        }
                        Matcher m = QUALIFIED.matcher(lines[i]);
                        while (m.find()) {
                            found.add(f + ":" + (i + 1) + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(found).as("import these instead (a real clash of two simple names is the only reason not to)")
                .isEmpty();
    }

    @Test
    void theScanSeesCodeButNotCommentsOrStrings() {
        String src = """
                package x;
                // java.util.Map in a comment
                /** {@link java.util.Set} in Javadoc */
                class X { String s = "java.util.Deque"; char c = '"'; java.util.Optional<String> o; }
                """;
        Matcher m = QUALIFIED.matcher(codeOnly(src));
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("java.util.Optional");
        assertThat(m.find()).isFalse();
    }

    /** The source with comments, strings, text blocks and char literals blanked out (line breaks kept). */
    static String codeOnly(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            int end;
            if (src.startsWith("//", i)) {
                end = src.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (src.startsWith("/*", i)) {
                end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char q = src.charAt(i);
                end = i + 1;
                while (end < n && src.charAt(end) != q && src.charAt(end) != '\n') {
                    end += src.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
            } else {
                out.append(src.charAt(i++));
                continue;
            }
            for (int k = i; k < end; k++) {
                out.append(src.charAt(k) == '\n' ? '\n' : ' ');
            }
            i = end;
        }
        return out.toString();
    }
}
