package dev.nn.core.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Finds where a class, or the services file that declares it, lives: a jar or a directory. */
final class Sources {

    static final String UNKNOWN = "unknown location";

    private Sources() {
    }

    static String of(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return UNKNOWN;
        }
        return location(source.getLocation().toString());
    }

    /** Maps each class named in a services file for {@code service} to the jar that declares it. */
    static Map<String, String> declarations(ClassLoader loader, Class<?> service) {
        Map<String, String> declared = new LinkedHashMap<>();
        try {
            Enumeration<URL> files = loader.getResources("META-INF/services/" + service.getName());
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                String jar = location(file.toString().replace("META-INF/services/" + service.getName(), ""));
                for (String name : classNames(file)) {
                    declared.putIfAbsent(name, jar);
                }
            }
        } catch (IOException e) {
            // Only used to name jars in messages; the service loader reports the real failure.
        }
        return declared;
    }

    private static Iterable<String> classNames(URL file) throws IOException {
        var names = new java.util.ArrayList<String>();
        try (var reader = new BufferedReader(new InputStreamReader(file.openStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                int hash = line.indexOf('#');
                String name = (hash >= 0 ? line.substring(0, hash) : line).trim();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static String location(String url) {
        String s = url;
        if (s.startsWith("jar:")) {
            s = s.substring(4);
        }
        int bang = s.indexOf("!/");
        if (bang >= 0) {
            s = s.substring(0, bang);
        }
        if (s.startsWith("file:")) {
            s = s.substring(5);
        }
        if (s.endsWith("/") && s.length() > 1) {
            s = s.substring(0, s.length() - 1);
        }
        return java.net.URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
