package dev.nn.app.cli;

/** nn's version, as {@code nn --version} says it and exported models record it. */
public final class AppVersion {

    /** The version of this build of nn. */
    public static final String VERSION = "0.1.0";

    private AppVersion() {
    }

    /** {@code nn --version}: nn's version, and the Java runtime the launcher found and runs it on. */
    public static final class Provider implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"nn " + VERSION, runtime()};
        }
    }

    /** The running Java: its version, vendor and home, as in {@code Java 17.0.13 (Eclipse Adoptium, /usr/lib/jvm/...)}. */
    static String runtime() {
        return "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.home") + ")";
    }
}
