package dev.nn.run;

import dev.nn.core.data.DataSet;
import java.util.zip.CRC32C;

/**
 * A checksum of the data a run trains and is measured on, kept in its checkpoint so that a resumed
 * run is refused when it is given other data: CRC-32C over each set's size, every label, and the
 * inputs of its first and last examples. Other files (another data set, training and test swapped,
 * fewer images) change it; reading the same data from another directory, or gunzipped, does not.
 */
public final class DataFingerprint {

    private DataFingerprint() {
    }

    /** Returns the fingerprint of a run's training and evaluation sets; never 0 (a checkpoint's "unknown"). */
    public static long of(DataSet training, DataSet evaluation) {
        CRC32C crc = new CRC32C();
        for (DataSet set : new DataSet[] {training, evaluation}) {
            add(crc, set.size());
            add(crc, set.inputSize());
            for (int i = 0; i < set.size(); i++) {
                crc.update(set.label(i));
            }
            if (set.size() > 0) {
                double[] x = new double[set.inputSize()];
                for (int i : new int[] {0, set.size() - 1}) {
                    set.copyInputs(i, x, 0);
                    for (double v : x) {
                        long bits = Double.doubleToLongBits(v);
                        add(crc, (int) bits);
                        add(crc, (int) (bits >>> 32));
                    }
                }
            }
        }
        return crc.getValue() + 1; // 1 to 2^32: 0 stays "not recorded"
    }

    private static void add(CRC32C crc, int v) {
        crc.update(v >>> 24);
        crc.update(v >>> 16);
        crc.update(v >>> 8);
        crc.update(v);
    }
}
