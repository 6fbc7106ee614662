package dev.nn.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryFilesTests {

    private final History history = new History("L2 lambda=0.2", List.of(
            new EpochRecord(1, 0.1 + 0.2, Double.NaN, 1.0 / 3, 2.0 / 3),
            new EpochRecord(2, 0.5, 0.875, Math.PI, Math.E)));

    @Test
    void jsonRoundTripIsBitExactAndKeepsUnmeasuredMetricsMissing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.json");
        HistoryFiles.writeJson(file, history);
        History back = HistoryFiles.readJson(file);
        assertEquals(history, back);
        assertTrue(Files.readString(file).contains("\"testAccuracy\":null"));
    }

    @Test
    void csvHasAHeaderAndFullPrecision() {
        assertEquals("epoch,train_accuracy,test_accuracy,train_cost,test_cost\n"
                + "1,0.30000000000000004,,0.3333333333333333,0.6666666666666666\n"
                + "2,0.5,0.875,3.141592653589793,2.718281828459045\n", HistoryFiles.toCsv(history));
    }

    @Test
    void aHistoryOfTheValidationDataSaysSoInEveryFile(@TempDir Path dir) throws IOException {
        History validation = new History("v", history.records(), History.VALIDATION);
        Path file = dir.resolve("history.json");
        HistoryFiles.writeJson(file, validation);
        assertEquals(validation, HistoryFiles.readJson(file));
        assertTrue(HistoryFiles.toCsv(validation).startsWith(
                "epoch,train_accuracy,validation_accuracy,train_cost,validation_cost\n"), HistoryFiles.toCsv(validation));
        // a file from before the field: measured on the test data
        Files.writeString(file, "{\"label\":\"old\",\"epochs\":[{\"epoch\":1,\"testAccuracy\":0.5}]}");
        assertEquals(History.TEST, HistoryFiles.readJson(file).evaluatedOn());
        Files.writeString(file, "{\"label\":\"old\",\"evaluatedOn\":\"train\",\"epochs\":[]}");
        IOException e = assertThrows(IOException.class, () -> HistoryFiles.readJson(file));
        assertEquals(file + ": evaluatedOn: expected \"test\" or \"validation\", found \"train\"", e.getMessage());
        // the JSON-lines file a running run appends to: its header names the data
        Path lines = dir.resolve("epochs.jsonl");
        Files.writeString(lines, "{\"command\":[\"nn\"],\"evaluatedOn\":\"validation\"}\n"
                + HistoryFiles.toJsonLine(history.records().get(0)) + "\n");
        History running = HistoryFiles.readJsonLines(lines, "r");
        assertEquals(History.VALIDATION, running.evaluatedOn());
        assertEquals(history.records().subList(0, 1), running.records());
        assertThrows(IllegalArgumentException.class, () -> new History("x", List.of(), "training"));
    }

    @Test
    void readingSomethingElseNamesTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "{\"sizes\": [1, 2]}");
        IOException e = assertThrows(IOException.class, () -> HistoryFiles.readJson(file));
        assertEquals(file + ": epochs: expected an array of epochs (is this an nn history.json?)", e.getMessage());
    }

    @Test
    void infiniteValuesAreStrictJson(@TempDir Path dir) throws IOException {
        History infinite = new History("x", List.of(new EpochRecord(1, 0.5, 0.5, Double.POSITIVE_INFINITY, 1.0)));
        Path file = dir.resolve("history.json");
        HistoryFiles.writeJson(file, infinite);
        String json = Files.readString(file);
        assertTrue(json.contains("\"trainCost\":\"Infinity\""), json);
        com.google.gson.stream.JsonReader strict = new com.google.gson.stream.JsonReader(new java.io.StringReader(json));
        strict.setStrictness(com.google.gson.Strictness.STRICT);
        com.google.gson.JsonParser.parseReader(strict);
        assertEquals(infinite, HistoryFiles.readJson(file));
    }

    @Test
    void eachBadFileGetsItsOwnMessage(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        assertEquals(empty + ": is empty, not a history file", message(empty));
        assertEquals(dir + ": is a directory, not a history file", message(dir));
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"epochs\": [1, 2,\n");
        assertEquals(broken + ": not valid JSON at line 2, column 1", message(broken));
        Path word = Files.writeString(dir.resolve("word.json"), "{\"epochs\": [{\"epoch\": \"one\"}]}");
        assertEquals(word + ": epochs[0].epoch: expected a whole number from 1, found \"one\"", message(word));
        Path again = Files.writeString(dir.resolve("again.json"), "{\"epochs\": [{\"epoch\": 2}, {\"epoch\": 2}]}");
        assertEquals(again + ": epochs[1].epoch: expected a number above the previous epoch's 2, found 2", message(again));
        Path half = Files.writeString(dir.resolve("half.json"), "{\"epochs\": [{\"epoch\": 1.5}]}");
        assertEquals(half + ": epochs[0].epoch: expected a whole number from 1, found 1.5", message(half));
        Path negative = Files.writeString(dir.resolve("negative.json"), "{\"epochs\": [{\"epoch\": -1}]}");
        assertEquals(negative + ": epochs[0].epoch: expected a whole number from 1, found -1", message(negative));
    }

    private static String message(Path file) {
        return assertThrows(IOException.class, () -> HistoryFiles.readJson(file)).getMessage();
    }
}
