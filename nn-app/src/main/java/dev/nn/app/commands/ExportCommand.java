package dev.nn.app.commands;

import dev.nn.app.cli.AppContext;
import dev.nn.app.cli.AppVersion;
import dev.nn.app.cli.CommandGroup;
import dev.nn.core.io.SavedModel;
import dev.nn.onnx.OnnxExport;
import dev.nn.onnx.Precision;
import dev.nn.run.RunLayout;
import dev.nn.run.UsageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code nn export}: a saved model in another format; {@code nn export onnx} writes ONNX. */
@Command(name = "export", mixinStandardHelpOptions = true, subcommands = ExportCommand.Onnx.class,
        description = "Write a saved model in another format; onnx: for ONNX Runtime and every runtime that reads ONNX.")
public final class ExportCommand extends CommandGroup {

    @Override
    protected String nameOne() {
        return "name a format: nn export onnx RUN_OR_MODEL --out FILE";
    }

    /** {@code nn export onnx}: the model of a run, or a model file, as an ONNX model. */
    @Command(name = "onnx", mixinStandardHelpOptions = true,
            description = "Write a run's model (or a model.json) as an ONNX model (opset " + OnnxExport.OPSET + "):"
                    + " input 'input' [N, 784], each image's pixels row by row scaled to 0..1; output 'output' [N, 10],"
                    + " the output layer's activations.")
    public static final class Onnx implements Callable<Integer> {

        @ParentCommand
        ExportCommand parent;

        @Parameters(paramLabel = "RUN_OR_MODEL", description = "A run directory (its model.json) or a model file.")
        Path source;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The ONNX file to write.")
        Path out;

        @Option(names = "--precision", paramLabel = "P", defaultValue = "double", description = "double (nn's own"
                + " numbers, the default) or float (32-bit, what most runtimes run fastest).")
        String precision;

        @Option(names = "--force", description = "Replace --out if it exists.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            AppContext ctx = parent.context();
            Precision p;
            try {
                p = Precision.of(precision);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--precision: " + e.getMessage());
            }
            Path model = EvaluateCommand.modelFile(source);
            if (!Files.isRegularFile(model)) {
                throw new UsageException(source + ": no such run directory or model file");
            }
            if (Files.exists(out) && !Files.isRegularFile(out)) {
                throw new UsageException("--out " + out + " " + dev.nn.core.io.PathKind.notAFile(out) + "; name the .onnx"
                        + " file to write" + (Files.isDirectory(out) ? ", such as " + out.resolve("model.onnx") : ""));
            }
            if (Files.exists(out) && !force) {
                throw new UsageException("--out " + out + " exists; give --force to replace it");
            }
            if (out.toAbsolutePath().getParent() != null && !Files.isDirectory(out.toAbsolutePath().getParent())) {
                throw new UsageException("--out " + out + ": no such directory " + out.toAbsolutePath().getParent());
            }
            SavedModel saved = EvaluateCommand.readMnistModel(model, ctx.registry());
            Map<String, String> metadata = new LinkedHashMap<>();
            metadata.put("nn.source", model.toAbsolutePath().normalize().toString());
            try {
                OnnxExport.write(out, saved.network(), p, AppVersion.VERSION, metadata);
            } catch (IllegalArgumentException e) {
                throw new UsageException(model + ": " + e.getMessage());
            }
            ctx.out().println("wrote " + out + " (" + Files.size(out) + " bytes, " + p.name().toLowerCase(
                    java.util.Locale.ROOT) + ", ONNX opset " + OnnxExport.OPSET + ") from " + model);
            return 0;
        }
    }
}
