package dev.nn.data.mnist;

/** Hears how a download goes; called on the downloading thread. */
@FunctionalInterface
public interface DownloadProgress {

    /** Ignores all progress. */
    DownloadProgress NONE = (file, bytes, total) -> { };

    /**
     * Reports progress on one file.
     *
     * @param file the file name
     * @param bytes bytes received so far
     * @param total the expected size in bytes
     */
    void update(String file, long bytes, long total);
}
