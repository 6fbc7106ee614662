package dev.nn.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Importing nn-bom constrains nn's own artifacts and nothing else: no parent, only dev.nn entries. */
class BomTests {

    @Test
    void theBomHasNoParentAndListsOnlyNnArtifacts() throws IOException {
        String bom = Files.readString(Path.of("..", "nn-bom", "pom.xml"));
        assertFalse(bom.contains("<parent>"), "a parent's dependencyManagement would come with the import");
        Matcher m = Pattern.compile("<groupId>([^<]+)</groupId><artifactId>([^<]+)</artifactId>").matcher(bom);
        List<String> managed = new ArrayList<>();
        while (m.find()) {
            managed.add(m.group(1) + ":" + m.group(2));
        }
        assertEquals(List.of("dev.nn:nn-core", "dev.nn:nn-core", "dev.nn:nn-data-mnist", "dev.nn:nn-train",
                "dev.nn:nn-monitor", "dev.nn:nn-plot", "dev.nn:nn-onnx", "dev.nn:nn-sweep", "dev.nn:nn-run", "dev.nn:nn-dashboard", "dev.nn:nn-app"), managed);
    }
}
