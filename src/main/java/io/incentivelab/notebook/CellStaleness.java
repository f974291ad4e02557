package io.incentivelab.notebook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which cells' outputs still match their inputs. Every output records the hash of the inputs it was computed
 * from: an experiment's is the hash of the experiment spec that ran (its scenarios inlined, so editing a scenario
 * cell changes it); a chart's or comparison's is the hash of its own inputs and of the experiment results it
 * used ({@link #analysisHash}). A cell is stale when that hash differs from the one its inputs give now, or when
 * the experiment it draws from is stale. Notes and scenarios have no output of their own.
 */
public final class CellStaleness {

    /** The state of a cell's output. */
    public enum State {
        /** The output matches the inputs. */
        FRESH,
        /** The inputs changed since the output was computed (or what it depends on is stale). */
        STALE,
        /** No output yet (never run, or what it depends on has not run). */
        NOT_RUN,
        /** The kind of cell has no output (note, scenario). */
        NONE
    }

    private CellStaleness() {
    }

    /**
     * The state of every cell.
     *
     * @param experimentHash the hash an experiment cell's inputs give now (as stored in {@link ExperimentOutput#inputHash()}),
     *                       or null if the cell cannot run as it is
     */
    public static Map<String, State> of(NotebookDocument document, Map<String, CellOutput> outputs,
            Function<ExperimentCell, String> experimentHash) {
        Map<String, State> states = new LinkedHashMap<>();
        for (Cell cell : document.cells()) {
            if (cell instanceof ExperimentCell e) {
                states.put(cell.id(), experimentState(e, outputs.get(e.id()), experimentHash));
            }
        }
        for (Cell cell : document.cells()) {
            if (cell instanceof ChartCell c) {
                states.put(c.id(), analysisState(c.experimentCellId(), analysisInputs(c), outputs, states,
                        outputs.get(c.id()) instanceof ChartOutput o ? o.inputHash() : null));
            } else if (cell instanceof CompareCell c) {
                states.put(c.id(), analysisState(c.experimentCellId(), analysisInputs(c), outputs, states,
                        outputs.get(c.id()) instanceof CompareOutput o ? o.inputHash() : null));
            } else if (!(cell instanceof ExperimentCell)) {
                states.put(cell.id(), State.NONE);
            }
        }
        return states;
    }

    /** The cells to run, top to bottom, for "Run all": those stale or not run (experiments, charts, comparisons). */
    public static List<Cell> toRun(NotebookDocument document, Map<String, State> states) {
        return document.cells().stream()
                .filter(c -> states.get(c.id()) == State.STALE || states.get(c.id()) == State.NOT_RUN)
                .toList();
    }

    /** The hash a chart or comparison output records: its own inputs and the experiment results used. */
    public static String analysisHash(Cell cell, ExperimentOutput source) {
        return sha(analysisInputs(cell) + "|" + source.experimentId() + "|" + source.inputHash());
    }

    private static State experimentState(ExperimentCell e, CellOutput out, Function<ExperimentCell, String> hash) {
        if (!(out instanceof ExperimentOutput o)) {
            return State.NOT_RUN;
        }
        String now = hash.apply(e);
        return now != null && now.equals(o.inputHash()) ? State.FRESH : State.STALE;
    }

    private static State analysisState(String sourceId, String inputs, Map<String, CellOutput> outputs,
            Map<String, State> states, String storedHash) {
        State source = states.get(sourceId);
        if (source == null || source == State.NOT_RUN || !(outputs.get(sourceId) instanceof ExperimentOutput src)) {
            return storedHash == null ? State.NOT_RUN : State.STALE;
        }
        if (storedHash == null) {
            return State.NOT_RUN;
        }
        if (source == State.STALE) {
            return State.STALE;
        }
        return storedHash.equals(sha(inputs + "|" + src.experimentId() + "|" + src.inputHash())) ? State.FRESH : State.STALE;
    }

    private static String analysisInputs(Cell cell) {
        if (cell instanceof ChartCell c) {
            return "chart|" + c.experimentCellId() + "|" + c.kind() + "|" + c.metric() + "|" + c.points();
        }
        if (cell instanceof CompareCell c) {
            return "compare|" + c.experimentCellId() + "|" + c.pointA() + "|" + c.pointB() + "|" + c.filter();
        }
        throw new IllegalArgumentException("not an analysis cell: " + cell.type());
    }

    /** The first 8 bytes of SHA-256, in hex. */
    static String sha(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
