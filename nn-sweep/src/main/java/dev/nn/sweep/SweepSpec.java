package dev.nn.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a sweep runs: a grid of {@code nn train} flags, optionally random search, the seeds of each
 * point, and the flags every trial shares. The points are the grid's in order (the first axis
 * changing slowest), each with every random point if there is a random search; every point runs with
 * every seed. A trial is the base flags, then {@code --NAME VALUE} per grid axis and random range,
 * then {@code --seed S}.
 *
 * @param grid the axes: a flag name (without {@code --}) and its values, in order
 * @param random the random search, or null
 * @param seeds the seeds of every point
 * @param base the {@code nn train} flags of every trial
 * @param halving successive halving of the trials, or null to run every trial to its end
 * @param asha asynchronous successive halving of the trials, or null; not with {@code halving}
 */
public record SweepSpec(List<Axis> grid, RandomSearch random, List<Long> seeds, List<String> base, Halving halving,
        Asha asha) {

    /** The most trials a sweep may have: every trial is drawn up front and listed. */
    public static final int MAX_TRIALS = 100_000;

    /**
     * One axis of the grid: a flag and its values, or named runs, each with its own flags.
     *
     * @param name an {@code nn train} flag name such as {@code eta} or {@code l1}; of named runs, what
     *     they differ in, such as {@code regularization}
     * @param values its values, as the flag takes them; of named runs, their names
     * @param flags empty for a flag's axis (a trial gets {@code --NAME VALUE}); of named runs, each
     *     name's {@code nn train} flags, which a trial gets instead
     */
    public record Axis(String name, List<String> values, Map<String, List<String>> flags)
            implements java.io.Serializable {

        /** Checks and copies. */
        public Axis {
            checkFlagName("grid", name);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("grid " + name + " has no values");
            }
            values = List.copyOf(values);
            Map<String, List<String>> copy = new LinkedHashMap<>();
            flags.forEach((value, f) -> copy.put(value, List.copyOf(f)));
            flags = java.util.Collections.unmodifiableMap(copy);
            if (!flags.isEmpty()) {
                if (!flags.keySet().equals(new java.util.HashSet<>(values)) || values.size() != flags.size()) {
                    throw new IllegalArgumentException("grid " + name + ": named runs " + values + " need flags each,"
                            + " got flags of " + flags.keySet());
                }
                for (String value : values) {
                    if (!value.matches("[a-z0-9][a-z0-9.-]*")) {
                        throw new IllegalArgumentException("grid " + name + ": a run's name '" + value + "' is its"
                                + " directory's: expected lower-case letters, digits, '.' and '-'");
                    }
                    checkBaseFlags(flags.get(value));
                }
            }
        }

        /** An axis of a flag and its values. */
        public Axis(String name, List<String> values) {
            this(name, values, Map.of());
        }

        /** Returns named runs, each with its {@code nn train} flags, in order: a sweep preset's runs. */
        public static Axis named(String name, Map<String, List<String>> runs) {
            return new Axis(name, List.copyOf(runs.keySet()), runs);
        }

        /** Returns whether this axis is of named runs, not of a flag's values. */
        public boolean isNamed() {
            return !flags.isEmpty();
        }

        /** Returns the flags a trial at {@code value} of this axis gets. */
        List<String> flagsOf(String value) {
            return isNamed() ? flags.get(value) : List.of("--" + name, value);
        }
    }

    /** Refuses the flags a sweep sets itself. */
    private static void checkBaseFlags(List<String> flags) {
        for (String flag : flags) {
            if (flag.equals("--seed") || flag.equals("--out") || flag.equals("--resume")) {
                throw new IllegalArgumentException(flag + " is the sweep's to set, not a base flag");
            }
        }
    }

    /** Checks that a swept name looks like an nn train flag name (without {@code --}). */
    static void checkFlagName(String what, String name) {
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException(what + " name '" + name + "': expected an nn train flag name such as"
                    + " eta or batch-size");
        }
    }

    /** Checks and copies. */
    public SweepSpec {
        grid = List.copyOf(grid);
        seeds = List.copyOf(seeds);
        base = List.copyOf(base);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one seed");
        }
        long trials = seeds.size();
        for (Axis axis : grid) {
            trials = Math.min(trials * axis.values().size(), MAX_TRIALS + 1L);
        }
        if (random != null) {
            trials = Math.min(trials * random.points(), MAX_TRIALS + 1L);
        }
        if (trials > MAX_TRIALS) {
            throw new IllegalArgumentException("a sweep of more than " + MAX_TRIALS + " trials (the grid's points times"
                    + " the random points times the seeds); split it, or sweep fewer values");
        }
        checkBaseFlags(base);
        List<String> names = names(grid, random);
        if ((halving != null || asha != null) && names.contains("epochs")) {
            throw new IllegalArgumentException("halving runs every trial to the same epochs: do not sweep epochs");
        }
        if (halving != null && asha != null) {
            throw new IllegalArgumentException("--halving and --asha are two ways to stop trials early: give one");
        }
        if (asha != null && asha.maxTrials() == 0) {
            asha = new Asha(asha.rate(), asha.rungs(), (int) trials, asha.mode()); // every trial of the sweep
        }
        if (asha != null && asha.maxTrials() > trials) {
            throw new IllegalArgumentException("--max-trials " + asha.maxTrials() + ": the sweep has " + trials
                    + " trials (the grid's points times the random points times the seeds)");
        }
        for (String name : names) {
            if (base.contains("--" + name)) {
                throw new IllegalArgumentException("--" + name + " is both swept and a base flag");
            }
            if (names.indexOf(name) != names.lastIndexOf(name)) {
                throw new IllegalArgumentException(name + " is swept twice");
            }
        }
    }

    /** A grid sweep, without random search. */
    public SweepSpec(List<Axis> grid, List<Long> seeds, List<String> base) {
        this(grid, null, seeds, base, null, null);
    }

    /** A sweep without ASHA. */
    public SweepSpec(List<Axis> grid, RandomSearch random, List<Long> seeds, List<String> base, Halving halving) {
        this(grid, random, seeds, base, halving, null);
    }

    /**
     * Returns {@code repeats} seeds derived from {@code first}: {@code first, first + 1, ...}, each
     * point's repeats ({@code nn sweep --repeats K}).
     *
     * @throws IllegalArgumentException if {@code repeats} is below 1
     */
    public static List<Long> repeats(long first, int repeats) {
        if (repeats < 1 || repeats > MAX_TRIALS) {
            throw new IllegalArgumentException("--repeats: expected a whole number from 1 to " + MAX_TRIALS + ", got "
                    + repeats);
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            seeds.add(first + i);
        }
        return seeds;
    }

    /** A sweep without successive halving. */
    public SweepSpec(List<Axis> grid, RandomSearch random, List<Long> seeds, List<String> base) {
        this(grid, random, seeds, base, null, null);
    }

    /** Returns this sweep with successive halving, or without it if {@code halving} is null. */
    public SweepSpec withHalving(Halving halving) {
        return new SweepSpec(grid, random, seeds, base, halving, asha);
    }

    /** Returns this sweep with ASHA, or without it if {@code asha} is null. */
    public SweepSpec withAsha(Asha asha) {
        return new SweepSpec(grid, random, seeds, base, halving, asha);
    }

    /** Returns the epochs of the rungs, of successive halving or ASHA; empty if trials run to their end. */
    public List<Integer> rungs() {
        return asha != null ? asha.rungs() : halving != null ? halving.rungs() : List.of();
    }

    /** Returns the swept flag names: the grid's axes, then the random search's ranges. */
    public List<String> names() {
        return names(grid, random);
    }

    private static List<String> names(List<Axis> grid, RandomSearch random) {
        List<String> names = new ArrayList<>();
        grid.forEach(a -> names.add(a.name()));
        if (random != null) {
            random.ranges().forEach(r -> names.add(r.name()));
        }
        return names;
    }

    /** Returns every trial, in order; with ASHA, the first {@link Asha#maxTrials} of them. */
    public List<Trial> trials() {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Axis axis : grid) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> point : points) {
                for (String value : axis.values()) {
                    Map<String, String> extended = new LinkedHashMap<>(point);
                    extended.put(axis.name(), value);
                    next.add(extended);
                }
            }
            points = next;
        }
        if (random != null) {
            List<Map<String, String>> drawn = random.draw();
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> point : points) {
                for (Map<String, String> d : drawn) {
                    Map<String, String> extended = new LinkedHashMap<>(point);
                    extended.putAll(d);
                    next.add(extended);
                }
            }
            points = next;
        }
        boolean named = !grid.isEmpty() && random == null && grid.stream().allMatch(Axis::isNamed);
        List<Trial> trials = new ArrayList<>();
        for (Map<String, String> point : points) {
            for (long seed : seeds) {
                List<String> args = new ArrayList<>(base);
                for (Axis axis : grid) {
                    args.addAll(axis.flagsOf(point.get(axis.name())));
                }
                if (random != null) {
                    random.ranges().forEach(r -> args.addAll(List.of("--" + r.name(), point.get(r.name()))));
                }
                args.addAll(List.of("--seed", Long.toString(seed)));
                int index = trials.size() + 1;
                // a preset's runs are named by their names (and seeds, if several): demo/trials/l2
                trials.add(named ? new Trial(index, point, seed, args, String.join("-", point.values())
                        + (seeds.size() > 1 ? "-seed=" + seed : "")) : new Trial(index, point, seed, args));
                if (asha != null && trials.size() == asha.maxTrials()) {
                    return trials;
                }
            }
        }
        return trials;
    }

    /** Returns the spec as sweep.json holds it. */
    public String toJson() {
        return SweepSpecJson.write(this);
    }

    /**
     * Reads a spec file (a sweep's {@code sweep.json}, or one of {@code nn sweep --spec}).
     *
     * @throws IllegalArgumentException naming the file and what is wrong: not UTF-8 text, or not a spec
     * @throws IOException if the file cannot be read
     */
    public static SweepSpec read(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file); // UTF-8, and refuses what is not, as RunLayout.spec reads run.json
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(file + ": not UTF-8 text, not a sweep spec");
        }
        try {
            return fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads what {@link #toJson} wrote; a spec file may also say {@code "repeats": K} (seeds derived
     * from its one seed) and leave out halving's and ASHA's rungs.
     *
     * @throws IllegalArgumentException naming the field if the text is not such a spec
     */
    public static SweepSpec fromJson(String json) {
        return SweepSpecJson.read(json);
    }

    /** Returns how {@code other} differs from this spec, one line, or null if it does not. */
    public String differenceFrom(SweepSpec other) {
        List<String> differences = new ArrayList<>();
        if (!Objects.equals(grid, other.grid)) {
            differences.add("grid " + describe(other.grid) + " was " + describe(grid));
        }
        if (!Objects.equals(random, other.random)) {
            differences.add("random search " + describe(other.random) + " was " + describe(random));
        }
        if (!Objects.equals(seeds, other.seeds)) {
            differences.add("seeds " + other.seeds + " were " + seeds);
        }
        if (!Objects.equals(base, other.base)) {
            differences.add("base flags " + flagDifference(base, other.base));
        }
        if (!Objects.equals(halving, other.halving)) {
            differences.add("halving " + describe(other.halving) + " was " + describe(halving));
        }
        if (!Objects.equals(asha, other.asha)) {
            differences.add("asha " + describe(other.asha) + " was " + describe(asha));
        }
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    /**
     * Names what differs between two flag lists, as {@code --epochs 6 (was 5), --l2 0.1 (not given
     * before)}, or both lists whole if their flags repeat or take no value in a way that cannot be paired.
     */
    private static String flagDifference(List<String> before, List<String> now) {
        Map<String, String> was = flagValues(before);
        Map<String, String> is = flagValues(now);
        if (was == null || is == null) {
            return String.join(" ", now) + " were " + String.join(" ", before);
        }
        List<String> parts = new ArrayList<>();
        is.forEach((flag, value) -> {
            if (!was.containsKey(flag)) {
                parts.add(flag + (value.isEmpty() ? "" : " " + value) + " (not given before)");
            } else if (!was.get(flag).equals(value)) {
                parts.add(flag + " " + value + " (was " + was.get(flag) + ")");
            }
        });
        was.forEach((flag, value) -> {
            if (!is.containsKey(flag)) {
                parts.add(flag + (value.isEmpty() ? "" : " " + value) + " (given before, not now)");
            }
        });
        return parts.isEmpty() ? String.join(" ", now) + " were " + String.join(" ", before) : String.join(", ", parts);
    }

    /** Each flag with the value after it ("" if none), or null if a flag repeats or a value stands alone. */
    private static Map<String, String> flagValues(List<String> flags) {
        List<List<String>> pairs;
        try {
            pairs = FlagList.pairs(flags);
        } catch (IllegalArgumentException e) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (List<String> pair : pairs) {
            if (values.put(pair.get(0), pair.size() > 1 ? pair.get(1) : "") != null) {
                return null;
            }
        }
        return values;
    }

    private static String describe(RandomSearch search) {
        if (search == null) {
            return "(none)";
        }
        List<String> parts = new ArrayList<>();
        search.ranges().forEach(r -> parts.add(r.name() + "~" + r.kind().id() + r.values()));
        return search.points() + " points, seed " + search.seed() + ", " + String.join(" ", parts);
    }

    private static String describe(Halving halving) {
        return halving == null ? "(none)" : "rate " + halving.rate() + ", rungs " + halving.rungs();
    }

    private static String describe(Asha asha) {
        return asha == null ? "(none)" : "rate " + asha.rate() + ", rungs " + asha.rungs() + ", " + asha.maxTrials()
                + " trials, " + asha.mode().id();
    }

    private static String describe(List<Axis> axes) {
        List<String> parts = new ArrayList<>();
        for (Axis a : axes) {
            List<String> values = new ArrayList<>();
            a.values().forEach(v -> values.add(a.isNamed() ? v + "(" + String.join(" ", a.flags().get(v)) + ")" : v));
            parts.add(a.name() + "=" + String.join(",", values));
        }
        return parts.isEmpty() ? "(none)" : String.join(" ", parts);
    }
}
