package dev.nn.run.book;

import dev.nn.core.data.DataSet;
import dev.nn.core.network.Evaluation;
import dev.nn.core.network.Evaluator;
import dev.nn.core.network.Network;
import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;

/**
 * The book's number for one run of chapter 6: the test accuracy at the epoch of best validation
 * accuracy (the first such epoch), as network3.py prints it at the end of {@code SGD}.
 *
 * @param bestEpoch the epoch of best validation accuracy
 * @param validationAccuracy the validation accuracy there
 * @param testAccuracy the test accuracy of that epoch's model
 */
public record StepScore(int bestEpoch, double validationAccuracy, double testAccuracy) {

    /**
     * Scores a run from its history (validation accuracy per epoch) and the model it kept at its best epoch.
     *
     * @throws IllegalArgumentException if the history is empty
     */
    public static StepScore of(History history, Network best, DataSet test, int threads) {
        EpochRecord top = null;
        for (EpochRecord r : history.records()) {
            if (top == null || r.testAccuracy() > top.testAccuracy()) {
                top = r;
            }
        }
        if (top == null) {
            throw new IllegalArgumentException("the run has no epochs to score");
        }
        Evaluation e;
        try (Evaluator evaluator = new Evaluator(best, Evaluator.DEFAULT_BATCH, threads)) {
            e = evaluator.evaluate(test, false);
        }
        return new StepScore(top.epoch(), top.testAccuracy(), e.accuracy());
    }
}
