package dev.nn.data.mnist;

import dev.nn.data.mnist.testing.IdxFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.hash.Hashing;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistLocatorTests {

    @TempDir
    Path tmp;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Serves the gzipped files of {@code source} from a loopback mirror; returns its base URI. */
    private URI mirror(Path source) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/mnist/", exchange -> {
            Path file = source.resolve(Path.of(exchange.getRequestURI().getPath()).getFileName().toString());
            if (!Files.exists(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mnist/");
    }

    private static Map<MnistFile, String> checksums(Path dir) throws IOException {
        Map<MnistFile, String> map = new EnumMap<>(MnistFile.class);
        for (MnistFile f : MnistFile.values()) {
            map.put(f, Hashing.sha256().hashBytes(Files.readAllBytes(dir.resolve(f.gzipName()))).toString());
        }
        return map;
    }

    @Test
    void explicitDirectoryComesFirst() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        IdxFiles.writeAll(data, 2, 2, true);
        MnistLocator locator = new MnistLocator(name -> "/elsewhere", tmp.resolve("cache"), null);
        assertEquals(data, locator.locate(data));
    }

    @Test
    void environmentVariableBeforeCache() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("env"));
        IdxFiles.writeAll(data, 2, 2, false);
        MnistLocator locator = new MnistLocator(name -> name.equals(MnistLocator.ENV) ? data.toString() : null,
                tmp.resolve("cache"), null);
        assertEquals(data, locator.locate(null));
    }

    @Test
    void explicitDirectoryMustHoldTheFiles() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("half"));
        IdxFiles.writeMnist(data, "train-images-idx3-ubyte", "train-labels-idx1-ubyte", 2, true);
        MnistLocator locator = new MnistLocator(name -> null, tmp.resolve("cache"), null);
        MnistNotFoundException e = assertThrows(MnistNotFoundException.class, () -> locator.locate(data));
        assertEquals("MNIST directory " + data + " (from --data) lacks t10k-images-idx3-ubyte.gz,"
                + " t10k-labels-idx1-ubyte.gz (gzipped .gz or raw)", e.getMessage());
        Path none = tmp.resolve("none");
        assertEquals("MNIST directory " + none + " (from --data) does not exist",
                assertThrows(MnistNotFoundException.class, () -> locator.locate(none)).getMessage());
    }

    @Test
    void downloadsIntoTheCacheVerifyingChecksums() throws IOException {
        Path source = Files.createDirectories(tmp.resolve("mirror"));
        IdxFiles.writeAll(source, 3, 2, true);
        Path cache = tmp.resolve("cache");
        List<String> seen = new ArrayList<>();
        MnistDownloader downloader = new MnistDownloader(List.of(mirror(source)), checksums(source),
                (file, bytes, total) -> seen.add(file + " " + bytes + "/" + total));
        MnistLocator locator = new MnistLocator(name -> null, cache, downloader);
        assertEquals(cache, locator.locate(null));
        assertEquals(3, Mnist.load(cache).training().size());
        assertTrue(seen.stream().anyMatch(s -> s.startsWith("t10k-labels-idx1-ubyte.gz ")), seen.toString());
        try (var files = Files.list(cache)) {
            assertEquals(4, files.count(), "only the four verified files are in the cache");
        }
    }

    @Test
    void checksumMismatchKeepsNothing() throws IOException {
        Path source = Files.createDirectories(tmp.resolve("mirror"));
        IdxFiles.writeAll(source, 3, 2, true);
        Map<MnistFile, String> wrong = checksums(source);
        wrong.put(MnistFile.TRAIN_LABELS, "0".repeat(64));
        Path cache = tmp.resolve("cache");
        MnistLocator locator = new MnistLocator(name -> null, cache,
                new MnistDownloader(List.of(mirror(source)), wrong, DownloadProgress.NONE));
        MnistNotFoundException e = assertThrows(MnistNotFoundException.class, () -> locator.locate(null));
        assertInstanceOf(ChecksumMismatchException.class, e.getCause());
        assertTrue(e.getCause().getMessage().startsWith("checksum mismatch for train-labels-idx1-ubyte.gz from http://"),
                e.getCause().getMessage());
        assertTrue(e.getCause().getMessage().contains("expected SHA-256 " + "0".repeat(64) + ", found "));
        try (var files = Files.list(cache)) {
            assertEquals(List.of("train-images-idx3-ubyte.gz"), files.map(p -> p.getFileName().toString()).toList(),
                    "the verified file stays, the bad one and every temporary file are gone");
        }
    }

    @Test
    void withoutNetworkTheErrorSaysWhereItLookedAndWhatToDo() throws IOException {
        Path cache = tmp.resolve("cache").resolve("nn").resolve("mnist");
        // a mirror on a loopback port nobody listens on: the connection is refused, as with no network
        URI nowhere = URI.create("http://127.0.0.1:9/mnist/");
        MnistLocator locator = new MnistLocator(name -> null, cache,
                new MnistDownloader(List.of(nowhere), MnistDownloader.published(), DownloadProgress.NONE));
        String message = assertThrows(MnistNotFoundException.class, () -> locator.locate(null)).getMessage();
        assertTrue(message.startsWith("MNIST not found. Searched: --data (not given), NN_MNIST_DIR (not set), the cache "
                + cache + " (does not exist); the download failed: cannot download train-images-idx3-ubyte.gz: "
                + "http://127.0.0.1:9/mnist/train-images-idx3-ubyte.gz: "), message);
        assertTrue(message.endsWith("pass --data DIR or set NN_MNIST_DIR=DIR."), message);
        assertFalse(Files.exists(tmp.resolve("cache")), "a failed first download leaves no empty cache directory");
    }
}
