package dev.nn.dashboard;

import dev.nn.run.RunLayout;
import com.sun.net.httpserver.HttpExchange;
import dev.nn.monitor.EpochRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code /api/events?path=RUN&after=N}: server-sent events of a run, one {@code epoch} event per
 * epoch after N with the epoch as its id (a browser that reconnects sends {@code Last-Event-ID} and
 * resumes after it), then an {@code end} event when the run is no longer training. A run training
 * in this process is heard from its training events; any other from its files, looked at four
 * times a second.
 */
final class EventStreams {

    private static final long POLL_MILLIS = 250;
    private static final long HEARTBEAT_MILLIS = 15_000;

    private final SafePaths paths;
    private final LiveRuns live;
    private volatile boolean closing;

    EventStreams(SafePaths paths, LiveRuns live) {
        this.paths = paths;
        this.live = live;
    }

    void close() {
        closing = true;
    }

    void stream(HttpExchange exchange, Map<String, String> query) throws IOException {
        Path dir = paths.dir(query.get("path"));
        if (dir == null || !RunLayout.isRun(dir)) {
            Dashboard.send(exchange, 404, "application/json", "{\"error\": \"not found\"}\n");
            return;
        }
        int after = Math.max(number(query.get("after")), number(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("retry: 1000\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        long lastWrite = System.currentTimeMillis();
        String seen = null;
        try {
            while (!closing) {
                LiveRuns.Feed feed = live.feed(dir);
                List<EpochRecord> newer;
                boolean ended;
                if (feed != null) {
                    newer = feed.after(after, POLL_MILLIS * 4);
                    ended = feed.ended();
                } else {
                    // the status first: once it says the run ended, one more read has all it wrote
                    ended = !RunView.status(paths, dir).equals("running");
                    String changed = lastChange(dir);
                    newer = !ended && changed.equals(seen) ? List.of() : RunView.epochsAfter(paths, dir, after);
                    seen = changed;
                }
                for (EpochRecord r : newer) {
                    out.write(("id: " + r.epoch() + "\nevent: epoch\ndata: " + Api.row(r) + "\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    after = r.epoch();
                }
                if (ended) {
                    out.write(("event: end\ndata: {\"status\": \"" + RunView.status(paths, dir) + "\"}\n\n")
                            .getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    return;
                }
                long now = System.currentTimeMillis();
                if (!newer.isEmpty()) {
                    out.flush();
                    lastWrite = now;
                } else if (now - lastWrite > HEARTBEAT_MILLIS) {
                    out.write(": still training\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    lastWrite = now;
                }
                if (feed == null) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            out.close();
        }
    }

    /** The times and sizes of the files a run's epochs are in: when it changes, there may be new epochs. */
    private static String lastChange(Path dir) {
        StringBuilder key = new StringBuilder();
        for (String name : List.of(RunLayout.EPOCHS, RunLayout.HISTORY)) {
            try {
                key.append(Files.getLastModifiedTime(dir.resolve(name)).toMillis()).append(':')
                        .append(Files.size(dir.resolve(name)));
            } catch (IOException e) {
                key.append('-'); // not there (yet, or any more)
            }
            key.append('|');
        }
        return key.toString();
    }

    private static int number(String s) {
        if (s == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
