package dev.nn.app.cli;

/** nn's version, as {@code nn --version} says it and exported models record it. */
public final class AppVersion {

    /** The version of this build of nn. */
    public static final String VERSION = "0.1.0";

    private AppVersion() {
    }
}
