import dev.nn.run.trials.SweepFigures;
import dev.nn.run.trials.TrainTrials;
import dev.nn.data.mnist.DownloadProgress;
import dev.nn.data.mnist.MnistLocator;
import dev.nn.sweep.Sweep;
import dev.nn.sweep.SweepListener;
import dev.nn.sweep.SweepSpec;
import dev.nn.sweep.TrialResult;
import java.nio.file.Path;
import java.util.List;

/** The sweep of the tour in Java: its trials, results.csv, summary.md and figures, as nn sweep writes them. */
public class L1Grid {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "runs/l1grid-java");
        String epochs = args.length > 1 ? args[1] : "400";

        // nn sweep --grid eta=0.25,0.5 --grid l1=0,0.2 --seeds 1,2,3 --
        //     --layers 784,30,10 --train-size 1000 --epochs 400 --monitor
        SweepSpec spec = new SweepSpec(
            List.of(new SweepSpec.Axis("eta", List.of("0.25", "0.5")), new SweepSpec.Axis("l1", List.of("0", "0.2"))),
            List.of(1L, 2L, 3L),
            List.of("--layers", "784,30,10", "--train-size", "1000", "--epochs", epochs, "--monitor"));
        Path mnist = MnistLocator.standard(DownloadProgress.NONE).locate(null);
        SweepListener quiet = new SweepListener() { };
        List<TrialResult> results = new Sweep(spec, out, TrainTrials.on(mnist), 2, quiet, () -> false).run();
        SweepFigures.draw(spec, out, results);
        System.out.println(results.size() + " trials, summary in " + out.resolve("summary.md"));
    }
}
