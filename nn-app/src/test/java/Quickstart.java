import dev.nn.core.registry.PluginRegistry;
import dev.nn.data.mnist.DownloadProgress;
import dev.nn.data.mnist.Mnist;
import dev.nn.data.mnist.MnistLocator;
import dev.nn.run.RunSpec;
import dev.nn.run.TrainingRun;
import java.util.List;

/** nn train --train-size 1000 --epochs 400 --l2 0.2 --monitor, from Java: the same run, the same bits. */
public class Quickstart {
    public static void main(String[] args) throws Exception {
        Mnist mnist = Mnist.load(MnistLocator.standard(DownloadProgress.NONE).locate(null));
        RunSpec spec = RunSpec.builder().trainSize(1000).epochs(400).l2(0.2).monitor(true).build();
        TrainingRun run = new TrainingRun(spec, 2, null, PluginRegistry.load()).validate();
        TrainingRun.Outcome outcome = run.train(mnist, "L2", null, List.of());
        System.out.printf("final test accuracy %.4f%n", outcome.history().last().testAccuracy());
    }
}
