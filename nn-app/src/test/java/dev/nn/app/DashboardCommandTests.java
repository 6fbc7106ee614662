package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nn dashboard} and {@code nn train --dashboard} as a user runs them, read with the JDK's HttpClient. */
class DashboardCommandTests {

    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newHttpClient();

    /** The app in a thread of this process, its output readable while it runs. */
    private static final class Running {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicInteger code = new AtomicInteger(-1);
        final Thread thread;

        Running(String... args) {
            thread = new Thread(() -> code.set(Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))));
            thread.start();
        }

        /** Waits for a URL in the output. */
        URI uri() throws InterruptedException {
            Pattern url = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/\\S*");
            for (int i = 0; i < 3000; i++) {
                Matcher m = url.matcher(out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
                if (m.find()) {
                    return URI.create(m.group());
                }
                if (!thread.isAlive()) {
                    break;
                }
                Thread.sleep(5);
            }
            throw new AssertionError("no address printed: " + out + err);
        }
    }

    @Test
    void trainWithDashboardStreamsEveryEpochAsItFinishes() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        Running train = new Running("train", "--dashboard", "--layers", "784,100,10", "--train-size", "3000",
                "--epochs", "8", "--data", AppRunner.mnist().toString(), "--out", runs.resolve("live").toString(),
                "--quiet");
        URI page = train.uri();
        assertEquals("run=live", page.getFragment(), "the address opens this run");
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(page.resolve("api/events?path=live"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        List<String> events = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String id = "";
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    events.add(line.equals("event: end") ? "end" : id);
                    if (line.equals("event: end")) {
                        break;
                    }
                }
            }
        }
        train.thread.join(60_000);
        assertEquals(0, train.code.get(), train.err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "end"), events);
        assertTrue(train.err.toString(StandardCharsets.UTF_8).contains("nn train: the dashboard of this run is at "));
        assertTrue(!Files.exists(runs.resolve("live/epochs.jsonl")), "a finished run keeps history.json only");
        String runJson = Files.readString(runs.resolve("live/run.json"));
        assertTrue(!runJson.contains("--dashboard"), "the page is not part of the run: " + runJson);
    }

    @Test
    void dashboardServesADirectoryAndSaysWhatIsWrongWithItsFlags() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        AppRunner.Result trained = AppRunner.run("train", "--train-size", "300", "--epochs", "2", "--data",
                AppRunner.mnist().toString(), "--out", runs.resolve("first").toString(), "--quiet");
        assertEquals(0, trained.code(), trained.err());
        Running dashboard = new Running("dashboard", runs.toString(), "--port", "0");
        URI page = dashboard.uri();
        assertTrue(dashboard.out.toString(StandardCharsets.UTF_8).startsWith("nn dashboard: serving " + runs + " at "
                + page + " (Ctrl-C stops)"), dashboard.out.toString(StandardCharsets.UTF_8));
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(page.resolve("api/runs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(list.body().contains("\"path\":\"first\",\"status\":\"finished\",\"epochs\":2"), list.body());
        dashboard.thread.interrupt();
        dashboard.thread.join(10_000);

        AppRunner.Result missing = AppRunner.run("dashboard", tmp.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("nn dashboard: " + tmp.resolve("nope") + ": no such directory"),
                missing.err());
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            AppRunner.Result busy = AppRunner.run("dashboard", runs.toString(), "--port",
                    Integer.toString(taken.getLocalPort()));
            assertEquals(2, busy.code());
            assertTrue(busy.err().startsWith("nn dashboard: --port " + taken.getLocalPort() + " on 127.0.0.1: "),
                    busy.err());
            assertTrue(busy.err().contains("(choose another port, or --port 0 for a free one)"), busy.err());
        }
    }
}
