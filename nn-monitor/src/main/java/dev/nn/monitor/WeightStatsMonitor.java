package dev.nn.monitor;

import dev.nn.core.network.Network;
import dev.nn.train.TrainingControl;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.BatchDone;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.EpochStarted;
import dev.nn.train.event.TrainingStarted;
import java.util.ArrayList;
import java.util.List;

/**
 * Watches what the weights do, epoch by epoch and layer by layer: their sizes, how many are exactly
 * zero or nearly so, how many change sign over the epoch's updates, and how far the epoch moved
 * them ({@link WeightStats}). It compares the weights after every mini-batch with those after the
 * one before, so it costs a pass over the weights per batch; a run without it does none of this.
 */
public final class WeightStatsMonitor implements TrainingListener {

    /** Creates the monitor, empty. */
    public WeightStatsMonitor() {
    }

    /** Below this size a weight counts as nearly zero, and a sign flip between such weights as small. */
    public static final double SMALL = 1e-3;

    private final List<WeightStats> rows = new ArrayList<>();
    private Network net;
    /** Per layer: the weights after the last update, at the start of the epoch, and now (by input). */
    private double[][] previous;
    private double[][] epochStart;
    private double[][] current;
    private long[] flips;
    private long[] largeFlips;
    /** The state a resumed run starts from, applied when training starts; null for a new run. */
    private Snapshot resumed;
    private boolean keepEpochStart;

    /**
     * What the monitor has recorded, for a checkpoint: the rows of the epochs done and, for a
     * checkpoint in the middle of an epoch, the weights at the epoch's start and the flips so far.
     *
     * @param rows the rows of the epochs done
     * @param midEpoch whether the checkpoint is in the middle of an epoch
     * @param epochStart per layer, the weights at the start of the current epoch (by input)
     * @param flips per layer, the sign flips of the current epoch so far
     * @param largeFlips per layer, the large ones among them
     */
    public record Snapshot(List<WeightStats> rows, boolean midEpoch, double[][] epochStart, long[] flips,
            long[] largeFlips) {
    }

    /** Returns a copy of what the monitor has recorded; {@code midEpoch} when the run stands inside an epoch. */
    public Snapshot snapshot(boolean midEpoch) {
        double[][] start = new double[epochStart.length][];
        for (int l = 0; l < start.length; l++) {
            start[l] = epochStart[l].clone();
        }
        return new Snapshot(List.copyOf(rows), midEpoch, start, flips.clone(), largeFlips.clone());
    }

    /** Starts the next run from a checkpoint's snapshot, as if the monitor had watched the run so far. */
    public void resumeWith(Snapshot snapshot) {
        resumed = snapshot;
    }

    @Override
    public boolean wantsBatches() {
        return true;
    }

    @Override
    public void trainingStarted(TrainingStarted event) {
        net = event.network();
        int layers = net.layerCount();
        previous = new double[layers][];
        epochStart = new double[layers][];
        current = new double[layers][];
        flips = new long[layers];
        largeFlips = new long[layers];
        int[] sizes = net.sizes();
        for (int l = 0; l < layers; l++) {
            previous[l] = new double[sizes[l] * sizes[l + 1]];
            epochStart[l] = new double[previous[l].length];
            current[l] = new double[previous[l].length];
            net.copyWeights(l, previous[l]);
        }
        rows.clear();
        if (resumed != null) {
            rows.addAll(resumed.rows());
            keepEpochStart = resumed.midEpoch();
            for (int l = 0; l < layers && keepEpochStart; l++) {
                System.arraycopy(resumed.epochStart()[l], 0, epochStart[l], 0, epochStart[l].length);
                flips[l] = resumed.flips()[l];
                largeFlips[l] = resumed.largeFlips()[l];
            }
        }
    }

    @Override
    public void epochStarted(EpochStarted event) {
        if (keepEpochStart) {
            // a run resumed inside this epoch: its start and its flips so far came with the checkpoint
            keepEpochStart = false;
            return;
        }
        for (int l = 0; l < previous.length; l++) {
            System.arraycopy(previous[l], 0, epochStart[l], 0, previous[l].length);
            flips[l] = 0;
            largeFlips[l] = 0;
        }
    }

    /** Counts the sign flips of this update: weights whose sign is the opposite of the one before. */
    @Override
    public void batchDone(BatchDone event) {
        for (int l = 0; l < previous.length; l++) {
            double[] before = previous[l];
            double[] after = current[l];
            net.copyWeights(l, after);
            countFlips(l, before, after);
            previous[l] = after;
            current[l] = before;
        }
    }

    /**
     * Adds the flips of layer l, {@code before[i] * after[i] < 0}, and the large ones among them.
     * Half the weights can flip in one update (the book's L1), so the loop has no branches: with
     * {@code r} the bits of the product, {@code (r - 1) & r} is negative exactly for a product below
     * zero (not for -0.0, whose bits are {@code Long.MIN_VALUE}, nor for +0.0).
     */
    private void countFlips(int l, double[] before, double[] after) {
        long all = 0;
        long large = 0;
        for (int i = 0; i < after.length; i++) {
            long r = Double.doubleToRawLongBits(before[i] * after[i]);
            long flip = (r - 1) & r;
            long small = Double.doubleToRawLongBits(Math.min(Math.abs(before[i]), Math.abs(after[i])) - SMALL);
            all += flip >>> 63;
            large += (flip & ~small) >>> 63;
        }
        flips[l] += all;
        largeFlips[l] += large;
    }

    @Override
    public void epochDone(EpochDone event, TrainingControl control) {
        for (int l = 0; l < previous.length; l++) {
            rows.add(summarize(event.epoch(), l, previous[l], epochStart[l]));
        }
    }

    private WeightStats summarize(int epoch, int layer, double[] w, double[] start) {
        double sumAbs = 0;
        double maxAbs = 0;
        long zero = 0;
        long small = 0;
        double moved = 0;
        for (int i = 0; i < w.length; i++) {
            double a = Math.abs(w[i]);
            sumAbs += a;
            maxAbs = Math.max(maxAbs, a);
            zero += w[i] == 0 ? 1 : 0;
            small += a < SMALL ? 1 : 0;
            double d = w[i] - start[i];
            moved += d * d;
        }
        double n = w.length;
        return new WeightStats(epoch, layer + 1, sumAbs / n, maxAbs, zero / n, small / n, flips[layer],
                largeFlips[layer], Math.sqrt(moved));
    }

    /** Returns the rows recorded so far: one per epoch and layer, in that order. */
    public List<WeightStats> rows() {
        return List.copyOf(rows);
    }
}
