package dev.nn.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.nn.monitor.History;
import dev.nn.train.TrainingListener;
import dev.nn.train.event.EpochDone;
import dev.nn.train.event.TrainingFinished;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's JSON and event streams through the JDK's HttpClient, and what it refuses to serve. */
class DashboardTests {

    @TempDir
    Path tmp;

    private Path root;
    private Dashboard dashboard;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws IOException {
        root = Files.createDirectories(tmp.resolve("runs"));
        Fixtures.finishedRun(root.resolve("l2"), 30);
        Fixtures.liveRun(root.resolve("live"), 3);
        Files.createDirectories(root.resolve("broken"));
        Files.writeString(root.resolve("broken/history.json"), "{\"epochs\": [1, 2");
        Files.writeString(root.resolve("broken/run.json"), "{}");
        Path interrupted = Files.createDirectories(root.resolve("nested/killed"));
        Fixtures.liveRun(interrupted, 2);
        Files.writeString(interrupted.resolve(".nn-lock"), "999999999\n"); // a process that is gone
        Files.writeString(interrupted.resolve("checkpoint.bin"), "x");
        Fixtures.sweep(root.resolve("grid"), List.of("0.25", "0.5"), List.of("0", "0.2"), 2);
        Path outside = Files.createDirectories(tmp.resolve("outside/secret"));
        Fixtures.finishedRun(outside, 5);
        Files.createSymbolicLink(root.resolve("link"), outside);
        dashboard = Dashboard.start(root, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        dashboard.close();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(dashboard.uri().resolve(path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonObject json(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path);
        assertEquals(200, r.statusCode(), path + ": " + r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject();
    }

    @Test
    void listsEveryRunAndSweepWithStatusAccuraciesAndProblems() throws Exception {
        assertEquals("127.0.0.1", dashboard.uri().getHost());
        JsonObject list = json("api/runs");
        JsonArray runs = list.getAsJsonArray("runs");
        List<String> lines = new ArrayList<>();
        for (var e : runs) {
            JsonObject r = e.getAsJsonObject();
            lines.add(r.get("path").getAsString() + " " + r.get("status").getAsString() + " " + r.get("epochs")
                    + (r.get("problem").getAsString().isEmpty() ? "" : " problem"));
        }
        assertEquals(List.of("broken finished 0 problem", "l2 finished 30", "live running 3", "nested/killed interrupted 2"),
                lines, "sorted by path; the symlink out of the directory is not followed");
        JsonObject l2 = runs.get(1).getAsJsonObject();
        assertEquals(0.9 - 0.5 / 31, l2.get("finalTestAccuracy").getAsDouble(), 1e-12);
        assertEquals("784-30-10, epochs 30, eta 0.5, l2 0.2", l2.get("config").getAsString());
        assertTrue(runs.get(0).getAsJsonObject().get("problem").getAsString().startsWith("history.json"),
                runs.get(0).toString());
        assertEquals("nn train --epochs 400", runs.get(2).getAsJsonObject().get("config").getAsString());
        JsonObject sweep = list.getAsJsonArray("sweeps").get(0).getAsJsonObject();
        assertEquals("grid", sweep.get("path").getAsString());
        assertEquals(8, sweep.get("trials").getAsInt());
        assertEquals(8, sweep.get("done").getAsInt());
        assertEquals("finished", sweep.get("status").getAsString());
    }

    @Test
    void servesARunsEpochsAndASweepsResults() throws Exception {
        JsonObject run = json("api/run?path=l2");
        assertEquals(30, run.getAsJsonArray("epochs").size());
        assertEquals(List.of(1.0, 0.9 - 0.5 / 2 + 0.05, 0.9 - 0.5 / 2, 1.0, 1.2).toString(),
                gsonNumbers(run.getAsJsonArray("epochs").get(0).getAsJsonArray()).toString());
        JsonObject trial = json("api/run?path=grid/trials/t001-eta%3D0.25-l1%3D0-seed%3D1");
        assertEquals(3, trial.getAsJsonArray("epochs").size());
        JsonObject sweep = json("api/sweep?path=grid");
        assertEquals(2, sweep.getAsJsonArray("grid").size());
        assertEquals(8, sweep.getAsJsonArray("rows").size());
        assertEquals("trial", sweep.getAsJsonArray("columns").get(0).getAsString());
        HttpResponse<String> page = get("");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<script src=\"uPlot.iife.min.js\"></script>"));
        HttpResponse<String> uplot = get("uPlot.iife.min.js");
        assertEquals(200, uplot.statusCode());
        assertTrue(uplot.body().length() > 40_000 && uplot.body().contains("uPlot"), "uPlot is served from the jar");
    }

    @Test
    void aRunningSweepShowsTheTrialsItsJournalRecordsBeforeResultsCsvIsWritten() throws Exception {
        Path sweep = Fixtures.runningSweep(root.resolve("running"), 3);
        String header = Files.readAllLines(root.resolve("grid/results.csv")).get(0);

        JsonObject listed = null;
        for (var e : json("api/runs").getAsJsonArray("sweeps")) {
            if (e.getAsJsonObject().get("path").getAsString().equals("running")) {
                listed = e.getAsJsonObject();
            }
        }
        assertEquals(3, listed.get("done").getAsInt(), listed.toString());
        assertEquals(8, listed.get("trials").getAsInt());
        assertEquals("running", listed.get("status").getAsString());
        assertEquals("", listed.get("problem").getAsString());
        JsonObject view = json("api/sweep?path=running");
        assertEquals(header, String.join(",", gsonStrings(view.getAsJsonArray("columns"))), "results.csv's columns");
        assertEquals(3, view.getAsJsonArray("rows").size());
        assertEquals(Fixtures.trialNames(sweep).get(2),
                view.getAsJsonArray("rows").get(2).getAsJsonArray().get(0).getAsString());
    }

    private static List<String> gsonStrings(JsonArray a) {
        List<String> out = new ArrayList<>();
        a.forEach(e -> out.add(e.getAsString()));
        return out;
    }

    private static List<Double> gsonNumbers(JsonArray a) {
        List<Double> list = new ArrayList<>();
        a.forEach(e -> list.add(e.getAsDouble()));
        return list;
    }

    /** Sends a request with these headers over a plain socket (the JDK's client sets Host itself); returns the reply. */
    private String raw(String... headers) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", dashboard.uri().getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET /api/runs HTTP/1.1\r\n" + String.join("\r\n", headers)
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void brokenRunAndSweepFilesAreRowsWithTheirProblem() throws Exception {
        for (String layers : List.of("[null]", "[{}]")) {
            Path dir = Files.createDirectories(root.resolve("odd" + layers.length()));
            Files.writeString(dir.resolve("run.json"), "{\"config\": {\"layers\": " + layers + "}}");
        }
        Path huge = Files.createDirectories(root.resolve("huge"));
        Files.writeString(huge.resolve("sweep.json"), "{\"grid\": [], \"seeds\": [1], \"base\": [], \"random\":"
                + " {\"points\": 2000000000, \"seed\": 1, \"ranges\": [{\"name\": \"eta\", \"kind\": \"uniform\","
                + " \"values\": [\"-1e308\", \"1e308\"]}]}}");
        HttpResponse<String> r = get("api/runs");
        assertEquals(200, r.statusCode(), r.body());
        JsonObject list = JsonParser.parseString(r.body()).getAsJsonObject();
        List<String> problems = new ArrayList<>();
        list.getAsJsonArray("runs").forEach(e -> problems.add(e.getAsJsonObject().get("path").getAsString() + ": "
                + e.getAsJsonObject().get("problem").getAsString()));
        list.getAsJsonArray("sweeps").forEach(e -> problems.add(e.getAsJsonObject().get("path").getAsString() + ": "
                + e.getAsJsonObject().get("problem").getAsString()));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("odd6: run.json")), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("odd4: run.json")), String.join("\n", problems));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("huge: ") && p.length() > "huge: ".length()),
                String.join("\n", problems));
        // a history of hundreds of megabytes is a problem line, not a full heap (a sparse file: no disk used)
        Path big = Files.createDirectories(root.resolve("big"));
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.resolve("history.json").toFile(), "rw")) {
            file.setLength(200L << 20);
        }
        Files.writeString(big.resolve("run.json"), "{}");
        JsonObject again = json("api/runs");
        List<String> bigProblems = new ArrayList<>();
        again.getAsJsonArray("runs").forEach(e -> {
            if (e.getAsJsonObject().get("path").getAsString().equals("big")) {
                bigProblems.add(e.getAsJsonObject().get("problem").getAsString());
            }
        });
        assertEquals(List.of("history.json is 200 MB; the page reads files of at most 16 MB"), bigProblems);
    }

    @Test
    void answersOnlyToItsLoopbackNames() throws Exception {
        int port = dashboard.uri().getPort();
        for (String host : List.of("127.0.0.1", "localhost", "[::1]", "LOCALHOST")) {
            assertTrue(raw("Host: " + host + ":" + port).startsWith("HTTP/1.1 200"), host);
        }
        String rebound = raw("Host: attacker.example:" + port);
        assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
        assertTrue(rebound.endsWith("this page answers only to 127.0.0.1, localhost or [::1] at port " + port
                + ", not to Host 'attacker.example:" + port + "'\n"), rebound);
        assertTrue(raw("Host: localhost:" + (port + 1)).startsWith("HTTP/1.1 403"), "another port");
        assertTrue(raw("Host: localhost:" + port, "Origin: http://attacker.example").startsWith("HTTP/1.1 403"));
        assertTrue(raw("Host: localhost:" + port, "Origin: http://localhost:" + port).startsWith("HTTP/1.1 200"));
    }

    @Test
    void refusesEverythingOutsideTheDirectory() throws Exception {
        for (String path : List.of("api/run?path=../outside/secret", "api/run?path=..%2Foutside%2Fsecret",
                "api/run?path=%2e%2e/outside/secret", "api/run?path=" + tmp.resolve("outside/secret"),
                "api/run?path=link", "api/run?path=link/../l2/../../outside/secret", "api/sweep?path=..",
                "api/events?path=../outside/secret", "api/run?path=nothing-here", "api/run?path=", "api/run",
                "api/sweep?path=l2", "api/run?path=grid", "history.json", "l2/history.json", "api/nothing")) {
            assertEquals(404, get(path).statusCode(), path);
        }
        // a path that climbs out, sent as is (the client would tidy it up)
        for (String raw : List.of("/../outside/secret/history.json", "/%2e%2e/%2e%2e/etc/passwd",
                "/..%2f..%2fetc%2fpasswd")) {
            assertTrue(rawGet(raw).startsWith("HTTP/1.1 404"), raw);
        }
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(dashboard.uri().resolve("api/runs"))
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode(), "read-only");
    }

    private String rawGet(String path) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", dashboard.uri().getPort())) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost:" + dashboard.uri().getPort()
                    + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
        }
    }

    /** Reads events until {@code end} or {@code count} events, as (id, event) pairs. */
    private static List<String> events(InputStream body, int count) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        List<String> events = new ArrayList<>();
        String id = "";
        String line;
        while (events.size() < count && (line = in.readLine()) != null) {
            if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                String name = line.substring(7);
                events.add(name.equals("end") ? "end" : id);
                if (name.equals("end")) {
                    break;
                }
            }
        }
        return events;
    }

    @Test
    void aRunInProgressFromItsFilesStreamsAnEventPerEpochAndResumesFromLastEventId() throws Exception {
        Path live = root.resolve("live");
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(dashboard.uri().resolve(
                "api/events?path=live&after=1")).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream; charset=utf-8", stream.headers().firstValue("Content-Type").orElse(""));
        Fixtures.appendEpoch(live, 4);
        assertEquals(List.of("2", "3", "4"), events(stream.body(), 3), "the epochs after 1, then the new one");
        stream.body().close();

        // a browser that reconnects says the last epoch it has
        HttpResponse<InputStream> again = http.send(HttpRequest.newBuilder(dashboard.uri().resolve(
                "api/events?path=live")).header("Last-Event-ID", "3").build(), HttpResponse.BodyHandlers.ofInputStream());
        Fixtures.appendEpoch(live, 5);
        Files.delete(live.resolve(".nn-lock")); // the run ends
        Files.writeString(live.resolve("run.json"), "{}");
        assertEquals(List.of("4", "5", "end"), events(again.body(), 10));
    }

    @Test
    void aRunInThisProcessStreamsFromItsTrainingEvents() throws Exception {
        Path dir = Files.createDirectories(root.resolve("in-process"));
        Files.writeString(dir.resolve("checkpoint.bin"), "x"); // a run directory, nothing in its files yet
        AtomicReference<History> history = new AtomicReference<>(new History("x", List.of()));
        TrainingListener listener = dashboard.live.follow(dir, history::get);
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(dashboard.uri().resolve(
                "api/events?path=in-process")).build(), HttpResponse.BodyHandlers.ofInputStream());
        List<String> got = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                got.addAll(events(stream.body(), 10));
            } catch (IOException e) {
                got.add(e.toString());
            }
        });
        reader.start();
        for (int e = 1; e <= 3; e++) {
            history.set(Fixtures.history(e));
            listener.epochDone(new EpochDone(e, 0.5, null, Duration.ZERO), null);
        }
        listener.trainingFinished(new TrainingFinished(3, dev.nn.train.StopReason.COMPLETED, "completed"));
        reader.join(10_000);
        assertEquals(List.of("1", "2", "3", "end"), got);
    }

    @Test
    void listensOnlyOnTheAddressItIsGiven() throws Exception {
        assertEquals(URI.create("http://127.0.0.1:" + dashboard.uri().getPort() + "/"), dashboard.uri());
        try (Dashboard any = Dashboard.start(root, "0.0.0.0", 0)) {
            assertEquals("127.0.0.1", any.uri().getHost(), "the page's address is a local one to open");
        }
    }
}
