package io.incentivelab.cli.bench;

import java.util.List;
import java.util.Map;

/**
 * One named benchmark of the {@code bench} command. Each map it returns becomes one JSON line; it must hold
 * {@code workload}, {@code value} and {@code unit}, and may add more fields.
 */
public interface BenchWorkload {

    String name();

    List<Map<String, Object>> run();
}
