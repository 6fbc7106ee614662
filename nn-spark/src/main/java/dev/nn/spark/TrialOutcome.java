package dev.nn.spark;

import dev.nn.sweep.TrialResult;
import java.io.Serializable;

/**
 * What a trial's task sends back to the driver: its result and, when the executor could not write
 * into the sweep's directory (no shared file system), its history and model.
 *
 * @param result the trial's result, ok or failed
 * @param historyJson the trial's history.json, or null when it is in the sweep's directory already
 * @param modelJson the trial's model.json, or null likewise
 */
record TrialOutcome(TrialResult result, String historyJson, String modelJson) implements Serializable {
}
