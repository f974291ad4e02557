package io.incentivelab.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.incentivelab.simulation.yuma.YumaInputs;
import io.incentivelab.simulation.yuma.YumaParams;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The public reference simulator (github bactensor/yuma-simulation, its {@code Yuma3} function, torch float32 on one
 * thread), timed on the same epoch inputs as ours, when it is available: {@value #SRC_ENV} names a checkout of the
 * reference's {@code src} directory and {@code /usr/bin/python3} (or {@value #PYTHON_ENV}) has torch. Nothing of the
 * reference is part of this repository: a small driver ({@code yuma_reference_driver.py}, a resource next to this
 * class, written to a temporary file) imports it and calls it, and reports rounds of epochs on request, so that
 * bench can alternate the reference's rounds with its own.
 */
final class ReferenceYuma implements AutoCloseable {

    static final String SRC_ENV = "YUMA_SIM_SRC";
    static final String PYTHON_ENV = "YUMA_SIM_PYTHON";
    static final String DEFAULT_PYTHON = "/usr/bin/python3";
    private static final String DRIVER = "yuma_reference_driver.py";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final Process process;
    private final BufferedReader out;
    private final PrintWriter in;
    private final Path errLog;
    /** What ran: "bactensor/yuma-simulation Yuma3 (torch V, float32, 1 thread)". */
    final String description;

    private ReferenceYuma(Path dir, Process process, BufferedReader out, Path errLog, JsonNode ready) {
        this.dir = dir;
        this.process = process;
        this.errLog = errLog;
        this.out = out;
        this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.description = "bactensor/yuma-simulation Yuma3 (torch " + ready.path("torch").asText() + ", "
                + ready.path("dtype").asText().replace("torch.", "") + ", " + ready.path("threads").asInt() + " thread)";
    }

    /**
     * Why the reference cannot run here, or empty when its source and interpreter are in place (whether torch
     * imports shows only when {@link #start} runs the driver).
     */
    static Optional<String> unavailable(Map<String, String> env) {
        String src = env.get(SRC_ENV);
        if (src == null || src.isBlank()) {
            return Optional.of(SRC_ENV + " is not set");
        }
        Path yumas = Path.of(src, "yuma_simulation", "_internal", "yumas.py");
        if (!Files.isRegularFile(yumas)) {
            return Optional.of(SRC_ENV + "=" + src + " has no yuma_simulation/_internal/yumas.py (it must point at the reference's src)");
        }
        String python = python(env);
        if (!Files.isExecutable(Path.of(python))) {
            return Optional.of(python + " is not an executable");
        }
        return Optional.empty();
    }

    private static String python(Map<String, String> env) {
        String p = env.get(PYTHON_ENV);
        return p == null || p.isBlank() ? DEFAULT_PYTHON : p;
    }

    /**
     * Starts the driver on {@code in} (its first {@code validators} rows: the synthetic epochs give weights and bonds
     * only to the validators) and waits until the reference has run one epoch.
     *
     * @throws IllegalStateException with the driver's last error line when it does not start (e.g. no torch)
     */
    static ReferenceYuma start(Map<String, String> env, YumaInputs in, YumaParams params, int validators) {
        Optional<String> why = unavailable(env);
        if (why.isPresent()) {
            throw new IllegalStateException(why.get());
        }
        try {
            Path dir = Files.createTempDirectory("incentive-lab-reference");
            Path driver = dir.resolve(DRIVER);
            try (InputStream res = ReferenceYuma.class.getResourceAsStream(DRIVER)) {
                if (res == null) {
                    throw new IllegalStateException(DRIVER + " is not packaged");
                }
                Files.copy(res, driver);
            }
            Path inputs = dir.resolve("epoch.bin");
            writeInputs(inputs, in, params, validators);
            Path errLog = dir.resolve("driver.err");
            ProcessBuilder pb = new ProcessBuilder(List.of(python(env), driver.toString(), inputs.toString()))
                    .redirectError(errLog.toFile());
            pb.environment().putAll(env);
            pb.environment().put("OMP_NUM_THREADS", "1");
            pb.environment().put("MKL_NUM_THREADS", "1");
            pb.environment().remove("LEGACY_CONSENSUS"); // the reference's default (sort-based) consensus
            Process p = pb.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            if (first == null) {
                p.waitFor(10, TimeUnit.SECONDS);
                String err = lastLine(errLog);
                p.destroyForcibly();
                deleteDir(dir);
                throw new IllegalStateException("the reference driver did not start: " + err);
            }
            return new ReferenceYuma(dir, p, out, errLog, MAPPER.readTree(first));
        } catch (IOException e) {
            throw new IllegalStateException("the reference driver did not start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs epochs for about {@code seconds} of the driver thread's CPU time and discards the rates (warm-up). */
    void warmUp(double seconds) {
        round(seconds);
    }

    /** One round of about {@code seconds} CPU seconds: {epochs per CPU second, epochs per wall second}. */
    double[] round(double seconds) {
        in.println("round " + seconds);
        try {
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the reference driver stopped: " + lastLine(errLog));
            }
            JsonNode r = MAPPER.readTree(line);
            double epochs = r.path("epochs").asDouble();
            return new double[] {epochs / r.path("cpuSeconds").asDouble(), epochs / r.path("wallSeconds").asDouble()};
        } catch (IOException e) {
            throw new IllegalStateException("the reference driver failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        in.println("quit");
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteDir(dir);
    }

    /**
     * The driver's input file (little-endian): V, n, the bond EMA rate α and κ, then the V stakes, the V×n stored
     * weights (u16 values, −1 absent) and the V×n stored bonds (u16 values), row by row.
     */
    static void writeInputs(Path file, YumaInputs in, YumaParams params, int validators) throws IOException {
        int n = in.n();
        ByteBuffer b = ByteBuffer.allocate(24 + 8 * validators * (1 + 2 * n)).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(validators).putInt(n).putDouble(params.bondEmaAlpha()).putDouble(params.kappa());
        for (int i = 0; i < validators; i++) {
            b.putDouble(in.stake()[i]);
        }
        for (int i = 0; i < validators; i++) {
            var row = in.weights()[i];
            for (int j = 0; j < n; j++) {
                b.putDouble(row == null ? YumaInputs.ABSENT : row[j]);
            }
        }
        for (int i = 0; i < validators; i++) {
            double[] row = in.bondsBefore()[i];
            for (int j = 0; j < n; j++) {
                b.putDouble(row == null ? 0 : row[j]);
            }
        }
        b.flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (b.hasRemaining()) {
                ch.write(b);
            }
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            return lines.isEmpty() ? "(no message)" : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "(no message)";
        }
    }

    private static void deleteDir(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
