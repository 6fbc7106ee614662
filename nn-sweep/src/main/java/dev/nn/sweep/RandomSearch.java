package dev.nn.sweep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Random search: a number of points drawn from ranges with a sweep seed. All points are drawn up
 * front, in order, so a parallel sweep runs exactly the trials a serial one would, and the same
 * spec always draws the same points. Numbers are rounded to four significant digits, the value the
 * trial's flag gets.
 *
 * @param points how many points to draw
 * @param seed the seed of the draws
 * @param ranges what to draw, one flag each, drawn in this order for every point
 */
public record RandomSearch(int points, long seed, List<Range> ranges) {

    /** The distributions a range may have. */
    public enum Kind {
        /** Uniform between two numbers. */
        UNIFORM("uniform"),
        /** Uniform in the logarithm between two positive numbers. */
        LOG_UNIFORM("log-uniform"),
        /** One of the given values, each as likely. */
        CHOICE("choice");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** Returns the name sweep.json uses. */
        public String id() {
            return id;
        }

        /** Returns the kind of a name, or null. */
        public static Kind of(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) {
                    return k;
                }
            }
            return null;
        }
    }

    /**
     * One flag's range.
     *
     * @param name an {@code nn train} flag name
     * @param kind how it is drawn
     * @param values the low and high ends for {@code uniform} and {@code log-uniform}; the values for {@code choice}
     */
    public record Range(String name, Kind kind, List<String> values) {

        /** Checks and copies. */
        public Range {
            SweepSpec.checkFlagName("random", name);
            values = List.copyOf(values);
            if (kind == Kind.CHOICE) {
                if (values.isEmpty()) {
                    throw new IllegalArgumentException("random " + name + ": choice needs at least one value");
                }
            } else {
                if (values.size() != 2) {
                    throw new IllegalArgumentException("random " + name + ": " + kind.id() + " needs [low, high], got "
                            + values);
                }
                double low = number(name, values.get(0));
                double high = number(name, values.get(1));
                if (!(low < high) || kind == Kind.LOG_UNIFORM && !(low > 0)) {
                    throw new IllegalArgumentException("random " + name + ": " + kind.id() + " needs " + (kind
                            == Kind.LOG_UNIFORM ? "0 < low < high" : "low < high") + ", got " + values);
                }
                if (!Double.isFinite(high - low)) {
                    throw new IllegalArgumentException("random " + name + ": " + kind.id() + " needs a range whose width"
                            + " is a finite number, got " + values);
                }
            }
        }

        private static double number(String name, String value) {
            try {
                double v = Double.parseDouble(value);
                if (Double.isFinite(v)) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // falls through to the message
            }
            throw new IllegalArgumentException("random " + name + ": expected a number, got '" + value + "'");
        }

        String draw(SplittableRandom random) {
            if (kind == Kind.CHOICE) {
                return values.get(random.nextInt(values.size()));
            }
            double low = Double.parseDouble(values.get(0));
            double high = Double.parseDouble(values.get(1));
            double u = random.nextDouble();
            double v = kind == Kind.UNIFORM ? low + u * (high - low)
                    : Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
            return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
    }

    /** Checks and copies. */
    public RandomSearch {
        if (points < 1) {
            throw new IllegalArgumentException("random search: points must be >= 1, got " + points);
        }
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("random search: no ranges");
        }
        List<String> names = new ArrayList<>();
        for (Range r : ranges) {
            if (names.contains(r.name())) {
                throw new IllegalArgumentException("random search: " + r.name() + " twice");
            }
            names.add(r.name());
        }
    }

    /** Returns the points, drawn in order from the seed: flag name to value. */
    public List<Map<String, String>> draw() {
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<String, String>> drawn = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            Map<String, String> point = new LinkedHashMap<>();
            for (Range r : ranges) {
                point.put(r.name(), r.draw(random));
            }
            drawn.add(point);
        }
        return drawn;
    }
}
