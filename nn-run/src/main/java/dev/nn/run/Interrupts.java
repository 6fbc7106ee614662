package dev.nn.run;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C and SIGTERM during a run: a shutdown hook asks the run to stop after its current
 * mini-batch, waits until the run has saved its checkpoint (a minute at most), prints how to
 * resume, and lets the JVM exit (130 after SIGINT, 143 after SIGTERM). Closing it removes the hook,
 * so a signal after the run's last checkpoint simply ends the program.
 */
public final class Interrupts implements AutoCloseable {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final Thread hook;
    /** How many runs are training (the hook then waits for their checkpoints), and what to print once saved. */
    private int training;
    private String message;

    private Interrupts(PrintStream err, boolean install) {
        hook = install ? new Thread(() -> stop(err), "nn-interrupt") : null;
        if (hook != null) {
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    /** Returns interrupts handled by a shutdown hook, for the real program. */
    public static Interrupts install(PrintStream err) {
        return new Interrupts(err, true);
    }

    /** Returns interrupts that never come, for runs inside another program (tests). */
    public static Interrupts none() {
        return new Interrupts(null, false);
    }

    /** Returns true once a stop has been asked for. */
    public boolean requested() {
        return requested.get();
    }

    /**
     * Says whether a run is training: while it is, a signal waits for its checkpoint; between runs
     * and while a finished run writes its files, a signal ends the program at once (an unfinished
     * run keeps its checkpoint, which goes last).
     */
    public synchronized void training(boolean on) {
        training += on ? 1 : -1;
        notifyAll();
    }

    /** Tells the waiting hook what to print once every run that was training has saved and stopped. */
    public synchronized void saved(String line) {
        message = line;
        notifyAll();
    }

    private void stop(PrintStream err) {
        requested.set(true);
        String line;
        synchronized (this) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            try {
                while (training > 0 && System.nanoTime() < deadline) {
                    TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            line = training > 0
                    ? "nn: interrupted; a run did not reach a checkpoint within a minute, its last one is kept"
                    : message != null ? message : "nn: interrupted; a run that did not finish keeps its checkpoint";
        }
        err.println(line);
    }

    /** Removes the hook: from now on a signal ends the program at once. */
    @Override
    public void close() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is already running; it waits for saved()
            }
        }
    }
}
