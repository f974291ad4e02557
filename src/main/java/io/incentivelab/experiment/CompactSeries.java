package io.incentivelab.experiment;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A run's time series, kept small: named series sampled at common epochs, as 32-bit floats. Stored as
 * gzip'd binary (format 1: version byte, series count, point count, names, epochs as ints, values row by
 * row as floats).
 *
 * @param names  series names, e.g. {@code alpha.giniEmission}
 * @param epochs the epoch of each sample, ascending
 * @param values {@code values[series][sample]}
 */
public record CompactSeries(List<String> names, int[] epochs, float[][] values) {

    public static final CompactSeries EMPTY = new CompactSeries(List.of(), new int[0], new float[0][]);
    private static final byte FORMAT = 1;

    public CompactSeries {
        names = List.copyOf(names);
        if (values.length != names.size()) {
            throw new IllegalArgumentException("one row of values per name");
        }
        for (float[] row : values) {
            if (row.length != epochs.length) {
                throw new IllegalArgumentException("one value per epoch in every row");
            }
        }
    }

    /** At most {@code maxPoints} samples, evenly spread, always keeping the first and the last. */
    public CompactSeries downsample(int maxPoints) {
        int n = epochs.length;
        if (n <= maxPoints || maxPoints < 2) {
            return this;
        }
        int[] keep = new int[maxPoints];
        for (int i = 0; i < maxPoints; i++) {
            keep[i] = (int) Math.round((double) i * (n - 1) / (maxPoints - 1));
        }
        int[] e = new int[maxPoints];
        float[][] v = new float[values.length][maxPoints];
        for (int i = 0; i < maxPoints; i++) {
            e[i] = epochs[keep[i]];
            for (int s = 0; s < values.length; s++) {
                v[s][i] = values[s][keep[i]];
            }
        }
        return new CompactSeries(names, e, v);
    }

    public byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeByte(FORMAT);
            out.writeInt(names.size());
            out.writeInt(epochs.length);
            for (String name : names) {
                out.writeUTF(name);
            }
            for (int e : epochs) {
                out.writeInt(e);
            }
            for (float[] row : values) {
                for (float x : row) {
                    out.writeFloat(x);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static CompactSeries decode(byte[] data) {
        if (data == null || data.length == 0) {
            return EMPTY;
        }
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(data)))) {
            if (in.readByte() != FORMAT) {
                throw new IllegalArgumentException("unknown series format");
            }
            int s = in.readInt();
            int n = in.readInt();
            List<String> names = new ArrayList<>(s);
            for (int i = 0; i < s; i++) {
                names.add(in.readUTF());
            }
            int[] epochs = new int[n];
            for (int i = 0; i < n; i++) {
                epochs[i] = in.readInt();
            }
            float[][] values = new float[s][n];
            for (int k = 0; k < s; k++) {
                for (int i = 0; i < n; i++) {
                    values[k][i] = in.readFloat();
                }
            }
            return new CompactSeries(names, epochs, values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompactSeries c && names.equals(c.names) && Arrays.equals(epochs, c.epochs)
                && Arrays.deepEquals(values, c.values);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.hashCode(epochs);
    }

    @Override
    public String toString() {
        return "CompactSeries" + names + "×" + epochs.length;
    }
}
