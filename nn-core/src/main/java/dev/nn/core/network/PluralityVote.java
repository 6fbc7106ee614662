package dev.nn.core.network;

import dev.nn.core.data.DataSet;
import dev.nn.core.spi.Matrix;
import java.util.List;

/**
 * An ensemble of networks that vote (chapter 6's last step): each network's answer for an example
 * is its largest output; the class most networks answer wins, a tie going to the tied class with the
 * largest sum of the networks' outputs (then the lowest class).
 */
public final class PluralityVote {

    private static final int BATCH = 100;

    private final List<Network> networks;

    /**
     * Creates the vote.
     *
     * @throws IllegalArgumentException if there are no networks or they differ in inputs or outputs
     */
    public PluralityVote(List<Network> networks) {
        if (networks.isEmpty()) {
            throw new IllegalArgumentException("a vote needs at least one network");
        }
        Network first = networks.get(0);
        for (Network n : networks) {
            if (n.inputSize() != first.inputSize() || n.outputSize() != first.outputSize()) {
                throw new IllegalArgumentException("the networks of a vote must take the same inputs and give the same"
                        + " outputs: " + first.inputSize() + " -> " + first.outputSize() + " and " + n.inputSize()
                        + " -> " + n.outputSize());
            }
        }
        this.networks = List.copyOf(networks);
    }

    /** Returns the voted class of every example of {@code data}. */
    public int[] classify(DataSet data) {
        int n = data.size();
        int inputs = data.inputSize();
        int classes = networks.get(0).outputSize();
        int[] answers = new int[n];
        for (int from = 0; from < n; from += BATCH) {
            int m = Math.min(BATCH, n - from);
            Matrix x = Matrix.of(m, inputs);
            for (int s = 0; s < m; s++) {
                data.copyInputs(from + s, x.data(), s * inputs);
            }
            int[][] votes = new int[m][classes];
            double[][] sums = new double[m][classes];
            for (Network net : networks) {
                Matrix a = net.feedforward(x);
                for (int s = 0; s < m; s++) {
                    int best = 0;
                    for (int c = 0; c < classes; c++) {
                        sums[s][c] += a.get(s, c);
                        if (a.get(s, c) > a.get(s, best)) {
                            best = c;
                        }
                    }
                    votes[s][best]++;
                }
            }
            for (int s = 0; s < m; s++) {
                int winner = 0;
                for (int c = 1; c < classes; c++) {
                    if (votes[s][c] > votes[s][winner]
                            || votes[s][c] == votes[s][winner] && sums[s][c] > sums[s][winner]) {
                        winner = c;
                    }
                }
                answers[from + s] = winner;
            }
        }
        return answers;
    }

    /** Returns how many examples of {@code data} the vote classifies as labelled. */
    public int correct(DataSet data) {
        int[] answers = classify(data);
        int correct = 0;
        for (int i = 0; i < answers.length; i++) {
            if (answers[i] == data.label(i)) {
                correct++;
            }
        }
        return correct;
    }
}
