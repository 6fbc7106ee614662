package dev.nn.train.event;

import dev.nn.train.StopReason;

/**
 * Training is over, normally, stopped by a listener, or diverged.
 *
 * @param epochsRun the number of epochs completed
 * @param reason why training ended
 * @param message a human-readable explanation
 */
public record TrainingFinished(int epochsRun, StopReason reason, String message) {
}
