package dev.nn.data.mnist;

import com.google.common.hash.Hasher;
import com.google.common.hash.Hashing;
import dev.nn.core.logging.Logs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Downloads the gzipped MNIST files from a mirror, verifying each one's size and SHA-256 before it
 * is moved into place; a file that does not verify is deleted, so nothing partial is ever left.
 */
public final class MnistDownloader {

    /** Well-known public mirrors of the original files, tried in order. */
    public static final List<URI> DEFAULT_MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"));

    private static final Logger log = Logs.of(MnistDownloader.class);

    private final List<URI> mirrors;
    private final Map<MnistFile, String> sha256;
    private final DownloadProgress progress;
    private final HttpClient client;

    /** Creates a downloader that uses the default mirrors and the published checksums. */
    public MnistDownloader(DownloadProgress progress) {
        this(DEFAULT_MIRRORS, published(), progress);
    }

    /**
     * Creates a downloader with explicit mirrors and checksums, as tests do.
     *
     * @param mirrors base URIs ending in {@code /}; a file's URI is the base plus its {@code .gz} name
     * @param sha256 the expected SHA-256 of every file, lower-case hex
     */
    public MnistDownloader(List<URI> mirrors, Map<MnistFile, String> sha256, DownloadProgress progress) {
        this.mirrors = List.copyOf(mirrors);
        this.sha256 = new EnumMap<>(sha256);
        this.progress = progress;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Returns the published checksums. */
    public static Map<MnistFile, String> published() {
        Map<MnistFile, String> map = new EnumMap<>(MnistFile.class);
        for (MnistFile f : MnistFile.values()) {
            map.put(f, f.gzipSha256());
        }
        return map;
    }

    /** Returns the mirrors tried, in order. */
    public List<URI> mirrors() {
        return mirrors;
    }

    /**
     * Downloads every file that {@code dir} lacks into it.
     *
     * @throws IOException if a file cannot be fetched from any mirror or does not verify
     */
    public void downloadMissing(Path dir) throws IOException {
        // the first directory of dir's path that this call creates (the cache's nn/ as well as its mnist/)
        Path created = null;
        for (Path d = dir.toAbsolutePath(); d != null && !Files.exists(d); d = d.getParent()) {
            created = d;
        }
        Files.createDirectories(dir);
        try {
            for (MnistFile file : MnistFile.values()) {
                if (Mnist.find(dir, file) == null) {
                    download(file, dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a failed first download leaves no empty cache behind to puzzle over
            if (created != null) {
                for (Path d = dir.toAbsolutePath(); d.startsWith(created); d = d.getParent()) {
                    try (java.util.stream.Stream<Path> left = Files.list(d)) {
                        if (left.findAny().isPresent()) {
                            break;
                        }
                    }
                    Files.delete(d);
                }
            }
            throw e;
        }
    }

    private void download(MnistFile file, Path dir) throws IOException {
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI uri = mirror.resolve(file.gzipName());
            try {
                fetchVerified(file, uri, dir);
                return;
            } catch (ChecksumMismatchException e) {
                throw e;
            } catch (IOException e) {
                log.debug("Download of {} failed", uri, e);
                failures.add(uri + ": " + describe(e));
            }
        }
        throw new IOException("cannot download " + file.gzipName() + ": " + String.join("; ", failures));
    }

    private void fetchVerified(MnistFile file, URI uri, Path dir) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + file.gzipName(), ".part");
        try {
            HttpResponse<InputStream> response = send(uri);
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("Content-Length").orElse(file.gzipSize());
            Hasher hasher = Hashing.sha256().newHasher();
            long bytes = 0;
            try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    hasher.putBytes(buffer, 0, n);
                    bytes += n;
                    progress.update(file.gzipName(), bytes, total);
                }
            }
            String actual = hasher.hash().toString();
            if (!actual.equals(sha256.get(file))) {
                throw new ChecksumMismatchException("checksum mismatch for " + file.gzipName() + " from " + uri
                        + ": expected SHA-256 " + sha256.get(file) + ", found " + actual + " (" + bytes
                        + " bytes); the file was discarded");
            }
            Path target = dir.resolve(file.gzipName());
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private HttpResponse<InputStream> send(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5)).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
