package dev.nn.sweep;

import java.util.List;
import java.util.Map;

/**
 * One trial of a sweep: an {@code nn train} run.
 *
 * @param index its place in the sweep, from 1
 * @param point the grid values, by flag name, in the grid's order
 * @param seed its seed
 * @param args the {@code nn train} flags of the trial
 * @param name the trial's name, which is also its run directory's
 */
public record Trial(int index, Map<String, String> point, long seed, List<String> args, String name)
        implements java.io.Serializable {

    /** Copies. */
    public Trial {
        point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
        args = List.copyOf(args);
        if (name == null || name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("a trial's name is its directory's: got '" + name + "'");
        }
    }

    /** A trial of a grid or a random search, named by its index, point and seed as {@link #nameOf} says. */
    public Trial(int index, Map<String, String> point, long seed, List<String> args) {
        this(index, point, seed, args, nameOf(index, point, seed));
    }

    /** Returns the trial's point as summary.md and the figures name it: {@code eta=0.5 l1=0.2}, or {@code (base)}. */
    public String label() {
        List<String> parts = new java.util.ArrayList<>();
        point.forEach((name, value) -> parts.add(name + "=" + value));
        return parts.isEmpty() ? "(base)" : String.join(" ", parts);
    }

    /** Returns the name of a grid's or random search's trial: {@code t003-eta=0.5-l1=0.2-seed=1}. */
    public static String nameOf(int index, Map<String, String> point, long seed) {
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "t%03d", index));
        point.forEach((name, value) -> s.append('-').append(name).append('=').append(value.replace('/', '_')));
        return s.append("-seed=").append(seed).toString();
    }
}
