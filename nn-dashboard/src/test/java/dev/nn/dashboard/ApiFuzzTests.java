package dev.nn.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The page's API against any request: a path and a raw query as the server hands them to it. Over
 * a served directory that holds a run, a sweep, and symbolic links to a run outside it, every
 * answer is JSON or a 404 (never an exception, which the server would turn into a 500), and a run
 * or sweep is answered only from inside the directory. Run on the seed corpus in every build;
 * {@code JAZZER_FUZZ=1 ./mvnw -pl nn-dashboard test -Dtest=ApiFuzzTests} fuzzes.
 */
class ApiFuzzTests {

    /** The served directory and a run beside it, made once per JVM: the fuzzer calls many times. */
    private static final class Served {
        static final Path OUTSIDE;
        static final Path ROOT;
        static final Api API;

        static {
            try {
                Path tmp = Files.createTempDirectory("nn-api-fuzz");
                tmp.toFile().deleteOnExit();
                OUTSIDE = Fixtures.finishedRun(tmp.resolve("outside-run"), 3);
                ROOT = Files.createDirectories(tmp.resolve("root"));
                Fixtures.finishedRun(ROOT.resolve("runs/a"), 4);
                Fixtures.sweep(ROOT.resolve("sweeps/s"), List.of("0.1", "0.5"), List.of("0"), 1);
                Files.createSymbolicLink(ROOT.resolve("out"), OUTSIDE);
                Files.createSymbolicLink(ROOT.resolve("runs/up"), tmp);
                API = new Api(new SafePaths(ROOT));
            } catch (IOException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /**
     * The input's first line is the request's path (decoded, as {@code HttpExchange} gives it), the
     * rest its raw query.
     */
    @FuzzTest(maxDuration = "2m")
    void everyRequestIsAnsweredWithJsonOrNotFoundAndOnlyFromInside(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String path = newline < 0 ? text : text.substring(0, newline);
        String rawQuery = newline < 0 ? null : text.substring(newline + 1);
        Map<String, String> query = Dashboard.query(rawQuery);
        String json = Served.API.answer(path, query);
        if (json == null) {
            return;
        }
        JsonElement answer = JsonParser.parseString(json);
        assertTrue(answer.isJsonObject(), json);
        if (path.equals("/api/runs")) {
            for (String kind : List.of("runs", "sweeps")) {
                for (JsonElement row : answer.getAsJsonObject().getAsJsonArray(kind)) {
                    assertInside(path, Served.ROOT.resolve(row.getAsJsonObject().get("path").getAsString()));
                }
            }
        } else {
            // a run or a sweep: its directory is the query's path, inside the root by its real path
            assertInside(path, Served.ROOT.resolve(query.get("path")).normalize());
        }
    }

    private static void assertInside(String path, Path dir) {
        assertTrue(dir.normalize().startsWith(Served.ROOT), "answered " + path + " with " + dir);
        try {
            assertTrue(dir.toRealPath().startsWith(Served.ROOT.toRealPath()), "answered " + path + " with " + dir
                    + ", which is " + dir.toRealPath());
        } catch (IOException e) {
            throw new AssertionError("answered " + path + " with " + dir + ", which cannot be resolved", e);
        }
    }

    @Test
    void aRunOutsideIsNotFoundByAnyRoute() {
        for (String p : List.of("out", "out/", "./out", "runs/up/outside-run", "runs/../out", "../outside-run",
                Served.OUTSIDE.toString(), "runs/a/../../out", "runs%2F..%2F..%2Foutside-run")) {
            assertNull(Served.API.answer("/api/run", Dashboard.query("path=" + p)), p);
        }
        assertEquals(4, JsonParser.parseString(Served.API.answer("/api/run", Dashboard.query("path=runs/a")))
                .getAsJsonObject().getAsJsonArray("epochs").size());
        assertTrue(Served.API.answer("/api/sweep", Dashboard.query("path=sweeps%2Fs")) != null);
    }
}
