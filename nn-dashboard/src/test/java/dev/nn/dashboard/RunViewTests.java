package dev.nn.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's row on the page says what tells it from the runs beside it. */
class RunViewTests {

    @TempDir
    Path tmp;

    private String config(String runJson) throws Exception {
        Path dir = Fixtures.finishedRun(tmp.resolve("r" + runJson.hashCode()), 3);
        Files.writeString(dir.resolve("run.json"), runJson);
        return RunView.read(new SafePaths(tmp), dir).config();
    }

    @Test
    void theRegularizersSeedActivationAndCostAreInTheConfiguration() throws Exception {
        String base = "\"layers\": [784, 30, 10], \"seed\": 3, \"trainSize\": 1000, \"epochs\": 400, \"batchSize\": 10,"
                + " \"eta\": 0.5, \"l1\": 0.0, \"l2\": 0.0, \"dropout\": 0.0, \"cost\": \"cross-entropy\","
                + " \"activation\": \"sigmoid\", \"init\": \"default\"";
        String none = config("{\"spec\": {" + base + ", \"regularizers\": {}}}");
        String prox = config("{\"spec\": {" + base + ", \"regularizers\": {\"l1-prox\": 0.2}}}");
        assertEquals("784-30-10, sigmoid, cross-entropy, seed 3, train-size 1000, epochs 400, batch-size 10, eta 0.5",
                none);
        assertEquals(none + ", l1-prox 0.2", prox, "proximal L1 does not read as no regularization");
        assertEquals("conv:20:5,pool:2,dense:100,softmax:10, relu, log-likelihood, seed 3, epochs 60, batch-size 10,"
                + " eta 0.03, l2 0.1, init network3, expanded data", config("{\"spec\": {\"layers\": [784, 30, 10],"
                + " \"net\": \"conv:20:5,pool:2,dense:100,softmax:10\", \"seed\": 3, \"epochs\": 60, \"batchSize\": 10,"
                + " \"eta\": 0.03, \"l2\": 0.1, \"cost\": \"log-likelihood\", \"activation\": \"relu\","
                + " \"init\": \"network3\", \"expand\": true}}"), "a --net run by its layers, not the default sizes");
        assertEquals("784-30-10, epochs 30, eta 0.5, l2 0.2", config("{\"config\": {\"layers\": [784, 30, 10],"
                + " \"epochs\": 30, \"eta\": 0.5, \"l2\": 0.2}}"), "an older run.json, without a spec");
    }
}
