package dev.nn.core.io;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A model file needs plugins that are not installed; the message lists every missing id by kind. */
public final class MissingPluginsException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Map<String, List<String>> missing;

    /**
     * Creates the exception.
     *
     * @param file the model file
     * @param missing the missing ids by kind ({@code activation}, {@code cost}, ...), in order
     */
    public MissingPluginsException(String file, Map<String, List<String>> missing) {
        super(file + " needs plugins that are not installed: " + missing.entrySet().stream()
                .map(e -> e.getKey() + " " + String.join(", ", e.getValue())).collect(Collectors.joining("; ")));
        this.missing = Collections.unmodifiableMap(new LinkedHashMap<>(missing));
    }

    /** Returns the missing plugin ids by kind. */
    public Map<String, List<String>> missing() {
        return missing;
    }
}
