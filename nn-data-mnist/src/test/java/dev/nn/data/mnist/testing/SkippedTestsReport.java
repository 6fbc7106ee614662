package dev.nn.data.mnist.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says at the end of a module's tests, in one line per reason, which tests were skipped and why:
 * Surefire's console shows only a count ("Skipped: 17"), and a test class skipped as a whole (an
 * assumption in {@code @BeforeAll}) as "Tests run: 0". Registered with {@code ServiceLoader}, so it
 * runs in every module whose tests have this test-jar: the line names the module, the classes,
 * and the reason the test gave, which for {@link RealMnist} says how to run them.
 */
public final class SkippedTestsReport implements TestExecutionListener {

    private final Map<String, Skipped> byReason = new LinkedHashMap<>();
    private TestPlan plan;

    /** The tests skipped for one reason. */
    private static final class Skipped {
        int tests;
        final Set<String> classes = new LinkedHashSet<>();
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        byReason.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        add(id, reason);
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            add(id, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    private synchronized void add(TestIdentifier id, String reason) {
        Skipped skipped = byReason.computeIfAbsent(reason == null ? "no reason given" : reason, r -> new Skipped());
        skipped.tests += id.isTest() ? 1 : Math.max(1, (int) plan.getDescendants(id).stream()
                .filter(TestIdentifier::isTest).count());
        String type = className(id);
        if (type != null) {
            skipped.classes.add(type.substring(type.lastIndexOf('.') + 1));
        }
    }

    private static String className(TestIdentifier id) {
        return id.getSource().map(source -> source instanceof MethodSource m ? m.getClassName()
                : source instanceof ClassSource c ? c.getClassName() : null).orElse(null);
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        String module = Path.of(System.getProperty("user.dir")).getFileName().toString();
        for (Map.Entry<String, Skipped> e : byReason.entrySet()) {
            Skipped s = e.getValue();
            List<String> classes = new ArrayList<>(s.classes);
            System.out.println("[nn tests] " + module + ": skipped " + s.tests + (s.tests == 1 ? " test" : " tests")
                    + (classes.isEmpty() ? "" : " in " + String.join(", ", classes)) + ": " + e.getKey());
        }
        System.out.flush();
    }
}
