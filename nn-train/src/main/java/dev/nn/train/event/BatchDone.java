package dev.nn.train.event;

import dev.nn.core.network.Gradients;

/**
 * A mini-batch's update has been applied.
 *
 * @param epoch the epoch, counted from 1
 * @param batch the mini-batch within the epoch, counted from 1
 * @param batchesPerEpoch mini-batches in every epoch
 * @param gradients the batch's unregularized gradients: a view, read during the call only; nothing
 *     is computed or copied unless a listener reads it
 */
public record BatchDone(int epoch, int batch, int batchesPerEpoch, Gradients gradients) {
}
