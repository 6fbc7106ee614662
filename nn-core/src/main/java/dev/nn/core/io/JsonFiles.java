package dev.nn.core.io;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the top-level object of one of nn's JSON files, with an error for each way that can fail
 * that names the file and says what is wrong in nn's words: missing, a directory, empty, too large
 * for the heap, not JSON (with the line and column), or not an object. Never the JSON library's
 * advice.
 */
public final class JsonFiles {

    private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");

    private JsonFiles() {
    }

    /**
     * Returns the object at the top of {@code path}.
     *
     * @param what what the file should be, for messages, such as "model file"
     * @throws ModelFormatException (an IOException) naming the file and the problem
     * @throws NoSuchFileException if there is no such file
     */
    public static JsonObject readObject(Path path, String what) throws IOException {
        if (Files.isDirectory(path)) {
            throw new ModelFormatException(path + ": is a directory, not a " + what);
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString(), null, what + " not found");
        }
        if (!Files.isRegularFile(path)) {
            // a device or a pipe (/dev/zero): no size to check, and perhaps no end
            throw new ModelFormatException(path + ": is not a regular file, not a " + what);
        }
        long size = Files.size(path);
        if (size == 0) {
            throw new ModelFormatException(path + ": is empty, not a " + what);
        }
        long heap = Runtime.getRuntime().maxMemory();
        // the parsed tree takes several times the text
        if (size > heap / 6) {
            throw new ModelFormatException(String.format(Locale.ROOT, "%s: %d MB is too large to read in a heap of"
                    + " %d MB; give Java more, such as NN_JAVA_OPTS=-Xmx%dg", path, size >> 20, heap >> 20,
                    Math.max(2, (size * 8 >> 30) + 1)));
        }
        JsonElement root;
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException e) {
            throw new ModelFormatException(path + ": not valid JSON" + where(e));
        } catch (OutOfMemoryError e) {
            throw new ModelFormatException(path + ": too large to read in a heap of " + (heap >> 20)
                    + " MB; give Java more, such as NN_JAVA_OPTS=-Xmx4g");
        }
        if (root == null || root.isJsonNull()) {
            throw new ModelFormatException(path + ": holds no JSON value, not a " + what);
        }
        if (!root.isJsonObject()) {
            throw new ModelFormatException(path + ": expected a JSON object (a " + what + "), found "
                    + (root.isJsonArray() ? "an array" : "the value " + root));
        }
        return root.getAsJsonObject();
    }

    /** Returns " at line L, column C" from a parse error, or what its cause says. */
    private static String where(JsonParseException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = WHERE.matcher(message);
        if (m.find()) {
            return " at line " + m.group(1) + ", column " + m.group(2);
        }
        Throwable cause = e.getCause();
        return cause != null && cause.getMessage() != null ? ": " + cause.getMessage().replaceAll(" See https?://\\S+", "")
                : "";
    }
}
