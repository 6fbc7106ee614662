package dev.nn.data.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the MNIST directory: an explicit directory first ({@code --data DIR}), then the
 * environment variable {@value #ENV}, then the per-user cache ({@code $XDG_CACHE_HOME/nn/mnist}
 * or {@code ~/.cache/nn/mnist}). An explicit or environment directory must hold the four files;
 * when neither is given and the cache lacks them, they are downloaded into the cache.
 */
public final class MnistLocator {

    /** The environment variable naming a directory with the MNIST files. */
    public static final String ENV = "NN_MNIST_DIR";

    private final Function<String, String> environment;
    private final Path cache;
    private final MnistDownloader downloader;

    /**
     * Creates a locator.
     *
     * @param environment looks up environment variables, such as {@code System::getenv}
     * @param cache the per-user cache directory
     * @param downloader fetches missing files into the cache, or null to never download
     */
    public MnistLocator(Function<String, String> environment, Path cache, MnistDownloader downloader) {
        this.environment = environment;
        this.cache = cache;
        this.downloader = downloader;
    }

    /** Creates the locator of a user's machine: real environment, default cache, default mirrors. */
    public static MnistLocator standard(DownloadProgress progress) {
        return new MnistLocator(System::getenv, defaultCache(System::getenv), new MnistDownloader(progress));
    }

    /** Returns {@code $XDG_CACHE_HOME/nn/mnist}, or {@code ~/.cache/nn/mnist}. */
    public static Path defaultCache(Function<String, String> environment) {
        String xdg = environment.apply("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("nn").resolve("mnist");
    }

    /**
     * Returns a directory that holds all four files.
     *
     * @param explicit the directory the user named, or null
     * @throws MnistNotFoundException saying which directories were searched and how to supply the files
     */
    public Path locate(Path explicit) throws MnistNotFoundException {
        if (explicit != null) {
            return requireComplete(explicit, "--data");
        }
        String env = environment.apply(ENV);
        if (env != null && !env.isBlank()) {
            return requireComplete(Path.of(env), ENV);
        }
        if (Files.isDirectory(cache) && Mnist.isComplete(cache)) {
            return cache;
        }
        if (downloader == null) {
            throw notFound("downloading is off", null);
        }
        try {
            downloader.downloadMissing(cache);
            return cache;
        } catch (IOException e) {
            throw notFound("the download failed: " + e.getMessage(), e);
        }
    }

    private Path requireComplete(Path dir, String from) throws MnistNotFoundException {
        String notADirectory = dev.nn.core.io.PathKind.notADirectory(dir);
        if (notADirectory != null) {
            throw new MnistNotFoundException("MNIST directory " + dir + " (from " + from + ") " + (notADirectory.startsWith(
                    "no such") ? "does not exist" : notADirectory + "; name the directory that holds the four MNIST"
                    + " files"), null);
        }
        List<String> missing = Mnist.missingFiles(dir);
        if (!missing.isEmpty()) {
            throw new MnistNotFoundException("MNIST directory " + dir + " (from " + from + ") lacks "
                    + String.join(", ", missing) + " (gzipped .gz or raw)", null);
        }
        return dir;
    }

    private MnistNotFoundException notFound(String why, Throwable cause) {
        String cacheState = Files.isDirectory(cache) ? "lacks " + String.join(", ", Mnist.missingFiles(cache))
                : "does not exist";
        return new MnistNotFoundException("MNIST not found. Searched: --data (not given), " + ENV + " (not set), "
                + "the cache " + cache + " (" + cacheState + "); " + why + ". Put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
                + "t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz in a directory and pass --data DIR or set "
                + ENV + "=DIR.", cause);
    }
}
