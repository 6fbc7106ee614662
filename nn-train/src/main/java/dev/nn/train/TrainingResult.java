package dev.nn.train;

import java.util.List;

/**
 * How a training run ended.
 *
 * @param epochsRun epochs completed
 * @param reason why it ended
 * @param message a human-readable explanation
 * @param finalEta the learning rate at the end
 * @param listenerFailures exceptions thrown by listeners, in order
 */
public record TrainingResult(int epochsRun, StopReason reason, String message, double finalEta,
        List<ListenerFailure> listenerFailures) {

    /** Copies the list. */
    public TrainingResult {
        listenerFailures = List.copyOf(listenerFailures);
    }
}
