package dev.nn.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code nn train} flags as a sweep reads them: each flag with the value after it, if any. A sweep's
 * base flags, a named run's flags and a trial's are lists of this kind.
 */
public final class FlagList {

    private FlagList() {
    }

    /**
     * Returns each flag of {@code args} with its value, in order, a repeated flag as often as given:
     * {@code [flag]} or {@code [flag, value]}; a token that does not start with {@code --} is the
     * value of the flag before it.
     *
     * @throws IllegalArgumentException if a value has no flag before it
     */
    public static List<List<String>> pairs(List<String> args) {
        List<List<String>> pairs = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (!flag.startsWith("--")) {
                throw new IllegalArgumentException("'" + flag + "' is not a flag and follows no flag");
            }
            boolean valued = i + 1 < args.size() && !args.get(i + 1).startsWith("--");
            pairs.add(valued ? List.of(flag, args.get(++i)) : List.of(flag));
        }
        return pairs;
    }
}
