import dev.nn.core.network.Network;
import dev.nn.data.mnist.DownloadProgress;
import dev.nn.data.mnist.Mnist;
import dev.nn.data.mnist.MnistLocator;
import dev.nn.monitor.GradientNormMonitor;
import dev.nn.monitor.Sgd;

/** nn gradients in Java: the norm of every layer's gradient for each mini-batch. */
public class Gradients {
    public static void main(String[] args) throws Exception {
        Mnist mnist = Mnist.load(MnistLocator.standard(DownloadProgress.NONE).locate(null));

        // nn gradients: 784-30-30-30-30-30-10, seed 3, 1000 images, batches of 100, eta 0.01, lambda 0.05
        Network net = Network.of(784, 30, 30, 30, 30, 30, 10).seed(3).build();
        GradientNormMonitor norms = new GradientNormMonitor();
        Sgd.epochs(1).batchSize(100).eta(0.01).l2(0.05).seed(3).listener(norms)
            .train(net, mnist.training().first(1000));
        System.out.print(norms.table().toText());
    }
}
