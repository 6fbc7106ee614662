package dev.nn.core.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nn.core.plugins.L2Regularizer;
import dev.nn.core.plugins.Relu;
import dev.nn.core.plugins.Sigmoid;
import dev.nn.core.spi.ElementwiseActivation;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.nn.core.spi.UpdateRule;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTests {

    /** An activation whose constructor fails, as a broken plugin's might. */
    public static final class ThrowingActivation extends AbstractTestActivation {
        /** Always throws. */
        public ThrowingActivation() {
            throw new IllegalStateException("no license key");
        }
    }

    /** A second provider of the id {@code sigmoid}. */
    public static final class OtherSigmoid extends AbstractTestActivation {
        @Override
        public String id() {
            return "sigmoid";
        }
    }

    /** A third provider of the id {@code sigmoid}. */
    public static final class ThirdSigmoid extends AbstractTestActivation {
        @Override
        public String id() {
            return "sigmoid";
        }
    }

    /** An activation whose class cannot be initialized, as a plugin with a broken static field. */
    public static final class InitFailingActivation extends AbstractTestActivation {
        static final int LIMIT = Integer.parseInt("none");
    }

    /** An activation whose id() calls itself. */
    public static final class RecursiveActivation extends AbstractTestActivation {
        @Override
        public String id() {
            return id();
        }
    }

    /** An activation whose constructor never returns, as a plugin waiting for a server might. */
    public static final class HangingActivation extends AbstractTestActivation {
        /** Waits for ever. */
        public HangingActivation() throws InterruptedException {
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }

    /** Shared body of the test activations. */
    public abstract static class AbstractTestActivation implements ElementwiseActivation {
        @Override
        public String id() {
            return "test";
        }

        @Override
        public double value(double z) {
            return z;
        }

        @Override
        public double derivative(double z, double a) {
            return 1;
        }
    }

    @Test
    void findsEveryBuiltInThroughServiceLoader() {
        PluginRegistry registry = PluginRegistry.load();
        assertEquals(List.of("leaky-relu", "relu", "sigmoid", "softmax", "tanh"), registry.ids(PluginKind.ACTIVATION));
        assertEquals(List.of("cross-entropy", "log-likelihood", "quadratic"), registry.ids(PluginKind.COST));
        assertEquals(List.of("l1", "l1-prox", "l2", "max-norm"), registry.ids(PluginKind.REGULARIZER));
        assertEquals(List.of("momentum", "nesterov", "sgd"), registry.ids(PluginKind.UPDATE_RULE));
        assertEquals(List.of("default", "large", "network3"), registry.ids(PluginKind.INITIALIZER));
        assertTrue(registry.problems().isEmpty(), registry.problems().toString());
    }

    @Test
    void unknownIdListsTheKnownOnes() {
        PluginException e = assertThrows(PluginException.class, () -> PluginRegistry.load().activation("swish"));
        assertEquals("Unknown activation 'swish'; known activations: leaky-relu, relu, sigmoid, softmax, tanh", e.getMessage());
    }

    @Test
    void aSpecSetsHyperparameters() {
        PluginRegistry registry = PluginRegistry.load();
        UpdateRule rule = registry.updateRule("momentum:mu=0.5");
        assertEquals("momentum:mu=0.5", PluginSpec.format(rule));
        assertEquals("momentum:mu=0.9", PluginSpec.format(registry.updateRule("momentum")));
        assertEquals("leaky-relu:slope=0.1", PluginSpec.format(registry.activation("leaky-relu:slope=0.1")));
        assertEquals("sigmoid", PluginSpec.format(registry.activation("sigmoid")));
    }

    @Test
    void aBadSpecNamesTheParameter() {
        PluginRegistry registry = PluginRegistry.load();
        assertEquals("update rule 'momentum' has no parameter 'nu'; it takes: mu",
                assertThrows(PluginException.class, () -> registry.updateRule("momentum:nu=0.5")).getMessage());
        assertEquals("momentum: mu must be in [0, 1), got 1.5",
                assertThrows(PluginException.class, () -> registry.updateRule("momentum:mu=1.5")).getMessage());
        assertEquals("'momentum:mu=x': the value of mu must be a number, found 'x'",
                assertThrows(PluginException.class, () -> registry.updateRule("momentum:mu=x")).getMessage());
        assertEquals("activation 'sigmoid' has no parameter 'slope'; it takes none",
                assertThrows(PluginException.class, () -> registry.activation("sigmoid:slope=1")).getMessage());
    }

    @Test
    void aPluginCannotTakeABuiltInsId() {
        PluginRegistry registry = PluginRegistry.of(List.of(new OtherSigmoid(), new Sigmoid(), new Relu()));
        String source = Sources.of(OtherSigmoid.class);
        assertEquals(List.of("Cannot use activation provider " + OtherSigmoid.class.getName() + " (from " + source
                + "): its id 'sigmoid' is the built-in " + Sigmoid.class.getName() + "'s; choose another id (the"
                + " built-in stays)"), registry.problems().stream().map(PluginProblem::message).toList());
        assertTrue(registry.activation("sigmoid") instanceof Sigmoid, "the built-in stays, first or last");
    }

    @Test
    void duplicateIdNamesBothClassesAndTheirSources() {
        PluginRegistry registry = PluginRegistry.of(List.of(new ThirdSigmoid(), new OtherSigmoid(), new Relu()));
        String testSource = Sources.of(OtherSigmoid.class);
        String expected = "Duplicate activation id 'sigmoid': provided by " + OtherSigmoid.class.getName() + " ("
                + testSource + ") and " + ThirdSigmoid.class.getName() + " (" + testSource + ")";
        PluginException e = assertThrows(PluginException.class, () -> registry.activation("sigmoid"));
        assertEquals(expected, e.getMessage());
        assertEquals(List.of(expected), registry.problems().stream().map(PluginProblem::message).collect(
                Collectors.toList()));
        assertEquals("relu", registry.activation("relu").id(), "other plugins keep working");
    }

    @Test
    void brokenProvidersAreReportedAndSkipped(@TempDir Path dir) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.nn.core.spi.Activation"), String.join("\n",
                "com.example.MissingActivation",
                ThrowingActivation.class.getName(),
                L2Regularizer.class.getName(),
                InitFailingActivation.class.getName(),
                RecursiveActivation.class.getName(),
                "# a comment",
                ""));
        String where = dir.toString();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            PluginRegistry registry = PluginRegistry.load(loader);
            List<String> messages = registry.problems().stream().map(PluginProblem::message)
                    .collect(Collectors.toList());
            assertEquals(List.of(
                    "Cannot load activation provider com.example.MissingActivation (declared in " + where
                            + "): Provider com.example.MissingActivation not found",
                    "Cannot load activation provider " + ThrowingActivation.class.getName() + " (declared in " + where
                            + "): Provider " + ThrowingActivation.class.getName() + " could not be instantiated: "
                            + "java.lang.IllegalStateException: no license key",
                    "Cannot load activation provider " + L2Regularizer.class.getName() + " (declared in " + where
                            + "): Provider " + L2Regularizer.class.getName()
                            + " not a subtype of dev.nn.core.spi.Activation"),
                    messages.subList(0, 3));
            assertTrue(messages.get(3).startsWith("Cannot load "), messages.get(3));
            assertTrue(messages.get(3).contains("activation provider"), messages.get(3));
            assertTrue(messages.get(3).endsWith("java.lang.ExceptionInInitializerError (its static initializer threw"
                    + " java.lang.NumberFormatException: For input string: \"none\")"), messages.get(3));
            assertEquals("Cannot use activation provider " + RecursiveActivation.class.getName() + " (from "
                    + Sources.of(RecursiveActivation.class) + "): id() threw java.lang.StackOverflowError",
                    messages.get(4));
            assertEquals(5, messages.size(), String.join("\n", messages));
            assertEquals("sigmoid", registry.activation("sigmoid").id(), "the built-ins keep working");
        }
    }

    @Test
    void aProviderThatNeverReturnsIsNamedAndTheOthersLoad(@TempDir Path dir) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.nn.core.spi.Activation"), HangingActivation.class.getName() + "\n");
        long start = System.nanoTime();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            PluginRegistry registry = PluginRegistry.load(loader);
            assertTrue((System.nanoTime() - start) / 1e9 < ServiceDiscovery.TIMEOUT_SECONDS + 5, "bounded");
            List<String> messages = registry.problems().stream().map(PluginProblem::message).toList();
            assertEquals(List.of("Cannot load activation provider " + HangingActivation.class.getName() + " (declared in "
                    + dir + "): it did not return within " + ServiceDiscovery.TIMEOUT_SECONDS + " s of being created;"
                    + " the activation providers after it were not loaded"), messages);
            assertEquals("relu", registry.activation("relu").id(), "the other kinds and the built-ins load");
        }
    }

    @Test
    void listsPluginsWithClassAndSource() {
        PluginInfo relu = PluginRegistry.load().plugins().stream()
                .filter(p -> p.id().equals("relu")).findFirst().orElseThrow();
        assertEquals(PluginKind.ACTIVATION, relu.kind());
        assertEquals(Relu.class.getName(), relu.className());
        assertTrue(relu.source().endsWith("classes") || relu.source().endsWith(".jar"), relu.source());
    }
}
