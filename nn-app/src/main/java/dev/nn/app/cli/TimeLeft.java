package dev.nn.app.cli;

import java.util.Locale;

/**
 * The time a command of several runs has left, from the pace of the work done so far in this
 * process: elapsed time per unit of work, times the work left. Printed as m:ss or h:mm:ss.
 */
public final class TimeLeft {

    private final long start = System.nanoTime();

    /**
     * Returns the time left after {@code done} of {@code total} units of work, or "?" before the first.
     *
     * @param done the work done in this process
     * @param left the work left
     */
    public String after(double done, double left) {
        if (done <= 0) {
            return "?";
        }
        return format((System.nanoTime() - start) / 1e9 / done * Math.max(0, left));
    }

    /** Returns {@code seconds} as m:ss, or h:mm:ss from an hour. */
    public static String format(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
