package dev.nn.core.io;

import java.util.Map;

/** The cost class names network2.py writes and reads, for the cost ids that have one. */
final class Network2Names {

    private static final Map<String, String> BY_ID = Map.of(
            "cross-entropy", "CrossEntropyCost",
            "quadratic", "QuadraticCost",
            "log-likelihood", "LogLikelihoodCost");

    private Network2Names() {
    }

    static String className(String costId) {
        return BY_ID.getOrDefault(costId, costId);
    }

    static String costId(String className) {
        return BY_ID.entrySet().stream()
                .filter(e -> e.getValue().equals(className))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(className);
    }
}
