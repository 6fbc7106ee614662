package dev.nn.train;

import dev.nn.core.network.Network;

/**
 * Training stopped because the cost or the weights became NaN or infinite. The network that was
 * trained has been reset to the last good parameters, which {@link #lastGoodNetwork()} also holds.
 */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;
    private final transient Network lastGood;

    DivergenceException(String message, int epoch, int batch, Network lastGood) {
        super(message);
        this.epoch = epoch;
        this.batch = batch;
        this.lastGood = lastGood;
    }

    /** Returns the epoch in which divergence was detected, counted from 1. */
    public int epoch() {
        return epoch;
    }

    /** Returns the mini-batch in which divergence was detected, counted from 1 (0: at the end of the epoch). */
    public int batch() {
        return batch;
    }

    /** Returns a copy of the last network whose parameters were all finite: as of the end of the previous epoch. */
    public Network lastGoodNetwork() {
        return lastGood.copy();
    }
}
