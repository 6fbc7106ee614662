package dev.nn.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nn.monitor.EvaluationMonitor;
import dev.nn.train.TrainingListener;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code nn dashboard}: serves a page of the runs and sweeps under a directory, their curves and
 * results, live while they train, on the JDK's own HTTP server ({@code com.sun.net.httpserver}: no
 * dependency, and all the page needs is a few JSON answers and one event stream per followed run).
 * Read-only, and it serves nothing outside the directory. Started with {@link #start}, stopped with
 * {@link #close}.
 */
public final class Dashboard implements AutoCloseable {

    /** The port of {@code nn dashboard} when none is given. */
    public static final int DEFAULT_PORT = 8686;

    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/app.css", "app.css",
            "/uPlot.iife.min.js", "dist/uPlot.iife.min.js",
            "/uPlot.min.css", "dist/uPlot.min.css");

    private final HttpServer server;
    private final ExecutorService threads;
    private final SafePaths paths;
    final LiveRuns live = new LiveRuns();
    private final Api api;
    private final EventStreams events;

    private Dashboard(HttpServer server, ExecutorService threads, SafePaths paths) {
        this.server = server;
        this.threads = threads;
        this.paths = paths;
        this.api = new Api(paths);
        this.events = new EventStreams(paths, live);
    }

    /**
     * Serves {@code root} at {@code host}:{@code port} (port 0: a free one).
     *
     * @throws IOException if the directory cannot be read or the port cannot be bound
     */
    public static Dashboard start(Path root, String host, int port) throws IOException {
        SafePaths paths = new SafePaths(root);
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 64);
        ExecutorService threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "nn-dashboard");
            t.setDaemon(true);
            return t;
        });
        Dashboard dashboard = new Dashboard(server, threads, paths);
        server.createContext("/", dashboard::handle);
        server.setExecutor(threads);
        server.start();
        return dashboard;
    }

    /** Returns the address of the page. */
    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().isAnyLocalAddress() ? "127.0.0.1" : address.getHostString();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    /** Returns the served directory. */
    public Path root() {
        return paths.root();
    }

    /**
     * Returns a listener that feeds the page the epochs of a run training in this process as they
     * finish ({@code nn train --dashboard}); register it after {@code monitor}.
     */
    public TrainingListener follow(Path runDir, EvaluationMonitor monitor) {
        return live.follow(runDir, monitor::history);
    }

    /**
     * Says that this server ends when {@code command} does (its run done), so that the page, finding
     * it gone, says so and names the command that serves the directory again, rather than that it
     * cannot reach it.
     */
    public void endsWith(String command) {
        api.endsWith(command);
    }

    /** Ends the event streams and stops serving. */
    @Override
    public void close() {
        events.close();
        live.endAll();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Content-Security-Policy",
                    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:");
            String refused = refusedHost(exchange);
            if (refused != null) {
                send(exchange, 403, "text/plain", refused + "\n");
                return;
            }
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(exchange, 405, "text/plain", "read-only: GET only\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (STATIC.containsKey(path)) {
                serveStatic(exchange, STATIC.get(path));
            } else if (path.equals("/api/events")) {
                events.stream(exchange, query);
            } else if (path.startsWith("/api/")) {
                String json = api.answer(path, query);
                if (json == null) {
                    send(exchange, 404, "application/json", "{\"error\": \"not found\"}\n");
                } else {
                    send(exchange, 200, "application/json", json);
                }
            } else {
                send(exchange, 404, "text/plain", "not found\n");
            }
        } catch (IOException e) {
            // the browser went away
        } catch (RuntimeException e) {
            // a file no reader foresaw: one line that says so, not a closed connection
            try {
                send(exchange, 500, "application/json", "{\"error\": " + new com.google.gson.Gson().toJson(
                        String.valueOf(e)) + "}\n");
            } catch (IOException | RuntimeException ignored) {
                // the answer had started already
            }
        }
    }

    /**
     * Returns why a request is refused, or null: a page served on a loopback address answers only
     * to its loopback names (127.0.0.1, localhost, [::1]) at its port, so that a web page elsewhere
     * cannot read the runs through a name that it makes resolve to this machine (DNS rebinding), and
     * its event stream only to a page of those names. Served on another address (--host), the
     * user has opened it to the network and nothing is checked.
     */
    private String refusedHost(HttpExchange exchange) {
        InetSocketAddress address = server.getAddress();
        if (!address.getAddress().isLoopbackAddress()) {
            return null;
        }
        int port = address.getPort();
        java.util.Set<String> allowed = port == 80 ? java.util.Set.of("127.0.0.1:80", "localhost:80", "[::1]:80",
                "127.0.0.1", "localhost", "[::1]") : java.util.Set.of("127.0.0.1:" + port, "localhost:" + port,
                "[::1]:" + port);
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || !allowed.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            return "this page answers only to 127.0.0.1, localhost or [::1] at port " + port + ", not to Host '"
                    + host + "'";
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !allowed.contains(origin.toLowerCase(java.util.Locale.ROOT).replaceFirst("^http://",
                ""))) {
            return "this page answers only to pages of 127.0.0.1, localhost or [::1] at port " + port
                    + ", not to Origin '" + origin + "'";
        }
        return null;
    }

    private void serveStatic(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = Dashboard.class.getResourceAsStream("web/" + name)) {
            if (in == null) {
                send(exchange, 404, "text/plain", "not found\n");
                return;
            }
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8";
            byte[] bytes = in.readAllBytes();
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, exchange.getRequestMethod().equals("HEAD") ? -1 : bytes.length);
            if (!exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + (type.contains("charset") ? "" : "; charset=utf-8"));
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The query's parameters, percent-decoded once; a parameter given twice keeps its first value. */
    static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                params.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // a malformed escape: the parameter is left out
            }
        }
        return params;
    }
}
