package dev.nn.sweep;

import java.util.List;

/**
 * What successive halving decided at the end of a rung, as the journal records it.
 *
 * @param rung the rung, from 1
 * @param epochs the epochs its trials ran to
 * @param promoted the trials that go on to the next rung, best first
 * @param stopped the trials that stop here, failed ones included, in the sweep's order
 */
public record RungDecision(int rung, int epochs, List<String> promoted, List<String> stopped) {

    /** Copies. */
    public RungDecision {
        promoted = List.copyOf(promoted);
        stopped = List.copyOf(stopped);
    }
}
