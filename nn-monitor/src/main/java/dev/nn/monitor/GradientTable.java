package dev.nn.monitor;

import java.util.List;
import java.util.Locale;

/**
 * Norms of the unregularized {@code nabla_w} of every layer for every mini-batch: one row per
 * mini-batch, one column per layer (layer 1 is the first weight layer).
 *
 * @param rows the rows, in training order
 */
public record GradientTable(List<Row> rows) {

    /** Copies the list. */
    public GradientTable {
        rows = List.copyOf(rows);
    }

    /**
     * One mini-batch's norms.
     *
     * @param epoch the epoch, counted from 1
     * @param batch the mini-batch within the epoch, counted from 1
     * @param norms the Euclidean norm of each layer's {@code nabla_w}, first layer first
     */
    public record Row(int epoch, int batch, double[] norms) {
        /** Copies the array. */
        public Row {
            norms = norms.clone();
        }

        @Override
        public double[] norms() {
            return norms.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && r.epoch == epoch && r.batch == batch && java.util.Arrays.equals(r.norms, norms);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * epoch + batch) + java.util.Arrays.hashCode(norms);
        }

        @Override
        public String toString() {
            return "Row[epoch=" + epoch + ", batch=" + batch + ", norms=" + java.util.Arrays.toString(norms) + "]";
        }
    }

    /** Returns the number of layers. */
    public int layers() {
        return rows.isEmpty() ? 0 : rows.get(0).norms.length;
    }

    /** Returns the table as CSV: {@code epoch,batch,layer1,...}, full precision. */
    public String toCsv() {
        StringBuilder s = new StringBuilder("epoch,batch");
        for (int l = 1; l <= layers(); l++) {
            s.append(",layer").append(l);
        }
        s.append('\n');
        for (Row r : rows) {
            s.append(r.epoch).append(',').append(r.batch);
            for (double v : r.norms) {
                s.append(',').append(v);
            }
            s.append('\n');
        }
        return s.toString();
    }

    /**
     * Parses the CSV that {@link #toCsv()} writes.
     *
     * @param source names the file in error messages
     * @throws IllegalArgumentException naming the source and line if the text is not such a table
     */
    public static GradientTable parseCsv(String csv, String source) {
        String[] lines = csv.split("\\R");
        if (lines.length == 0 || !lines[0].startsWith("epoch,batch,layer1")) {
            throw new IllegalArgumentException(source + ": not a gradient table (expected the header"
                    + " epoch,batch,layer1,...)" + (lines.length > 0 && lines[0].startsWith("epoch,train_accuracy")
                    ? "; it is a run's history.csv: give its history.json" : ""));
        }
        int layers = lines[0].split(",").length - 2;
        java.util.List<Row> rows = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] f = lines[i].split(",");
            if (f.length != layers + 2) {
                throw new IllegalArgumentException(source + ": line " + (i + 1) + ": expected " + (layers + 2)
                        + " fields, found " + f.length);
            }
            try {
                double[] norms = new double[layers];
                for (int l = 0; l < layers; l++) {
                    norms[l] = Double.parseDouble(f[l + 2]);
                }
                rows.add(new Row(Integer.parseInt(f[0]), Integer.parseInt(f[1]), norms));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ": line " + (i + 1) + ": expected numbers, found '"
                        + lines[i] + "'");
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": a gradient table with no rows");
        }
        return new GradientTable(rows);
    }

    /** Returns the table aligned for a terminal, norms in scientific notation. */
    public String toText() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%5s %5s", "epoch", "batch"));
        for (int l = 1; l <= layers(); l++) {
            s.append(String.format(Locale.ROOT, " %11s", "layer " + l));
        }
        s.append('\n');
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%5d %5d", r.epoch, r.batch));
            for (double v : r.norms) {
                s.append(String.format(Locale.ROOT, " %11.4e", v));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
