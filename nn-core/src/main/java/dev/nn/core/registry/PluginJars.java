package dev.nn.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.InvalidModuleDescriptorException;
import java.lang.module.ModuleDescriptor;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipException;

/**
 * The plugin jars of some directories, checked before anything is loaded from them: a file that is
 * not a jar, an empty or unreadable jar, or one with classes for a newer Java is skipped with a
 * {@link PluginProblem} naming the file and the cause; of two jars that declare the same provider
 * class (two versions of one plugin) the newer is used and the choice reported. The jars left make
 * a class loader; {@link #moduleProviders()} are the providers their {@code module-info} declares
 * with {@code provides}, which a class loader alone does not find.
 */
public final class PluginJars {

    private static final Pattern VERSION_IN_NAME = Pattern.compile("-(\\d[\\w.+-]*)\\.jar$");
    private static final String SERVICES = "META-INF/services/";
    /** The most a services file may hold, in bytes. */
    private static final int MAX_SERVICES_FILE = 1 << 20;

    private final List<Path> jars;
    private final List<PluginProblem> problems;
    private final Map<String, List<String>> moduleProviders;

    private PluginJars(List<Path> jars, List<PluginProblem> problems, Map<String, List<String>> moduleProviders) {
        this.jars = List.copyOf(jars);
        this.problems = List.copyOf(problems);
        this.moduleProviders = Collections.unmodifiableMap(moduleProviders);
    }

    /**
     * What one jar declares.
     *
     * @param providers every provider class it declares, in services files or module-info
     * @param listed those its services files list
     * @param provides those its module-info declares, by service
     */
    private record Jar(Path path, String version, Set<String> providers, Set<String> listed,
            Map<String, List<String>> provides) {
    }

    /**
     * Checks the {@code .jar} files directly in each directory, in file-name order.
     *
     * @param dirs the directories searched
     * @param named those of them a user named, which are a problem when they are missing or not a
     *     directory (the others, such as a default {@code plugins/}, need not exist)
     */
    public static PluginJars scan(List<Path> dirs, Set<Path> named) {
        List<PluginProblem> problems = new ArrayList<>();
        List<Jar> found = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                if (named.contains(dir)) {
                    problems.add(PluginProblem.ofFile(dir.toString(), "plugin directory " + dir + (Files.exists(dir)
                            ? " is a file, not a directory" : " does not exist") + "; no plugins loaded from it"));
                }
                continue;
            }
            List<Path> files;
            try (Stream<Path> list = Files.list(dir)) {
                files = list.sorted().toList();
            } catch (IOException e) {
                problems.add(PluginProblem.ofFile(dir.toString(), dir + ": cannot list the plugin directory: " + e));
                continue;
            }
            for (Path file : files) {
                Jar jar = check(file, problems);
                if (jar != null) {
                    found.add(jar);
                }
            }
        }
        List<Jar> used = withoutOlderCopies(found, problems);
        Map<String, List<String>> moduleProviders = new LinkedHashMap<>();
        for (Jar jar : used) {
            jar.provides().forEach((service, providers) -> {
                for (String provider : providers) {
                    if (!jar.listed().contains(provider)) {
                        moduleProviders.computeIfAbsent(service, k -> new ArrayList<>()).add(provider);
                    }
                }
            });
        }
        return new PluginJars(used.stream().map(Jar::path).toList(), problems, moduleProviders);
    }

    /** Returns the jars to load, in order. */
    public List<Path> jars() {
        return jars;
    }

    /** Returns what was wrong with the files skipped, one line each. */
    public List<PluginProblem> problems() {
        return problems;
    }

    /**
     * Returns, by service type name, the provider classes the jars' module descriptors declare with
     * {@code provides} and no services file lists.
     */
    public Map<String, List<String>> moduleProviders() {
        return moduleProviders;
    }

    /** Returns a class loader of the jars over {@code parent}, or {@code parent} if there are none. */
    public ClassLoader classLoader(ClassLoader parent) {
        if (jars.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return new URLClassLoader(urls, parent);
    }

    /** Returns what a file declares if it is a usable jar, else null with its problem added. */
    private static Jar check(Path file, List<PluginProblem> problems) {
        String name = file.getFileName().toString();
        if (Files.isDirectory(file) || name.startsWith(".") || name.startsWith("README")) {
            return null;
        }
        if (!name.endsWith(".jar")) {
            problems.add(PluginProblem.ofFile(file.toString(), file + ": not a .jar file; skipped (plugins are jars)"));
            return null;
        }
        try {
            if (Files.size(file) == 0) {
                problems.add(PluginProblem.ofFile(file.toString(), file + ": an empty file (0 bytes), not a jar;"
                        + " skipped"));
                return null;
            }
        } catch (IOException e) {
            problems.add(PluginProblem.ofFile(file.toString(), file + ": cannot be read (" + e + "); skipped"));
            return null;
        }
        if (!Files.isReadable(file)) {
            problems.add(PluginProblem.ofFile(file.toString(), file + ": cannot be read (permission denied); skipped"));
            return null;
        }
        try (JarFile jar = new JarFile(file.toFile())) {
            return read(file, jar, problems);
        } catch (ZipException e) {
            problems.add(PluginProblem.ofFile(file.toString(), file + ": not a jar (not a zip archive: "
                    + e.getMessage() + "); skipped"));
        } catch (AccessDeniedException e) {
            problems.add(PluginProblem.ofFile(file.toString(), file + ": cannot be read (permission denied); skipped"));
        } catch (IllegalArgumentException e) {
            // the zip library's word for an entry name that is not UTF-8 ("malformed input off : 55")
            problems.add(PluginProblem.ofFile(file.toString(), file + ": not a jar (an entry's name is not valid: "
                    + e.getMessage() + "); skipped"));
        } catch (IOException | InvalidModuleDescriptorException | SecurityException e) {
            problems.add(PluginProblem.ofFile(file.toString(), file + ": cannot be read (" + e + "); skipped"));
        }
        return null;
    }

    private static Jar read(Path file, JarFile jar, List<PluginProblem> problems) throws IOException {
        if (!jar.entries().hasMoreElements()) {
            problems.add(PluginProblem.ofFile(file.toString(), file + ": an empty jar (no entries); skipped"));
            return null;
        }
        int newest = Runtime.version().feature() + 44;
        Set<String> providers = new LinkedHashSet<>();
        Map<String, List<String>> provides = new LinkedHashMap<>();
        String moduleVersion = null;
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
            JarEntry entry = entries.nextElement();
            String entryName = entry.getName();
            if (entryName.startsWith("META-INF/versions/")) {
                continue; // a multi-release jar's classes for newer Javas are used only on those
            }
            if (entryName.endsWith(".class") && !entryName.equals("module-info.class")) {
                int major = majorVersion(jar, entry);
                if (major > newest) {
                    String className = entryName.substring(0, entryName.length() - 6).replace('/', '.');
                    problems.add(PluginProblem.ofFile(file.toString(), String.format(Locale.ROOT, "%s: %s needs Java %d"
                            + " (class file version %d), this is Java %d; skipped", file, className, major - 44, major,
                            Runtime.version().feature())));
                    return null;
                }
            } else if (entryName.startsWith(SERVICES) && isPluginService(entryName.substring(SERVICES.length()))) {
                try (InputStream in = jar.getInputStream(entry)) {
                    // a services file lists class names: a few lines, read no further than a generous bound, so a
                    // jar whose entry inflates to gigabytes is named, not the cause of an out-of-memory error
                    byte[] bytes = in.readNBytes(MAX_SERVICES_FILE + 1);
                    if (bytes.length > MAX_SERVICES_FILE) {
                        problems.add(PluginProblem.ofFile(file.toString(), String.format(Locale.ROOT, "%s: %s is more"
                                + " than %d KB, and a services file lists a few class names; skipped", file, entryName,
                                MAX_SERVICES_FILE >> 10)));
                        return null;
                    }
                    for (String line : new String(bytes, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                        String provider = line.replaceFirst("#.*", "").trim();
                        if (!provider.isEmpty()) {
                            providers.add(provider);
                        }
                    }
                }
            } else if (entryName.equals("module-info.class")) {
                try (InputStream in = jar.getInputStream(entry)) {
                    ModuleDescriptor descriptor = ModuleDescriptor.read(in);
                    moduleVersion = descriptor.rawVersion().orElse(null);
                    for (ModuleDescriptor.Provides p : descriptor.provides()) {
                        if (isPluginService(p.service())) {
                            provides.put(p.service(), p.providers());
                        }
                    }
                }
            }
        }
        Set<String> listed = new LinkedHashSet<>(providers);
        provides.values().forEach(providers::addAll);
        Attributes main = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes();
        String version = moduleVersion != null ? moduleVersion
                : main != null && main.getValue(Attributes.Name.IMPLEMENTATION_VERSION) != null
                        ? main.getValue(Attributes.Name.IMPLEMENTATION_VERSION) : versionInName(file);
        return new Jar(file, version, providers, listed, provides);
    }

    private static boolean isPluginService(String service) {
        return PluginKind.all().stream().anyMatch(k -> k.type().getName().equals(service));
    }

    private static int majorVersion(JarFile jar, JarEntry entry) throws IOException {
        try (InputStream in = jar.getInputStream(entry)) {
            byte[] head = in.readNBytes(8);
            if (head.length < 8 || (head[0] & 0xff) != 0xCA || (head[1] & 0xff) != 0xFE) {
                return 0;
            }
            return (head[6] & 0xff) << 8 | (head[7] & 0xff);
        }
    }

    private static String versionInName(Path file) {
        Matcher m = VERSION_IN_NAME.matcher(file.getFileName().toString());
        return m.find() ? m.group(1) : null;
    }

    /**
     * Of jars that declare the same provider class, keeps the one of the newest version (by its
     * module version, its manifest's Implementation-Version or the version in its file name), or the
     * first by file name when that does not tell; reports the choice.
     */
    private static List<Jar> withoutOlderCopies(List<Jar> jars, List<PluginProblem> problems) {
        List<Jar> used = new ArrayList<>();
        for (Jar jar : jars) {
            Jar other = used.stream().filter(u -> !Collections.disjoint(u.providers(), jar.providers())).findFirst()
                    .orElse(null);
            if (other == null) {
                used.add(jar);
                continue;
            }
            int newer = compare(jar.version(), other.version());
            Jar winner = newer > 0 ? jar : other;
            Jar loser = winner == jar ? other : jar;
            String why = newer == 0 ? "the first by file name; their versions do not tell which is newer"
                    : "version " + winner.version() + " is newer than " + loser.version();
            Set<String> both = new LinkedHashSet<>(jar.providers());
            both.retainAll(other.providers());
            problems.add(PluginProblem.ofFile(loser.path().toString(), loser.path() + " and " + winner.path()
                    + " both provide " + String.join(", ", both) + ": using " + winner.path().getFileName() + " ("
                    + why + "); " + loser.path().getFileName() + " is skipped"));
            if (winner == jar) {
                used.set(used.indexOf(other), jar);
            }
        }
        return used;
    }

    /** Compares two versions; 0 if either is unknown or they cannot be compared. */
    private static int compare(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        try {
            return Integer.signum(ModuleDescriptor.Version.parse(a).compareTo(ModuleDescriptor.Version.parse(b)));
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
