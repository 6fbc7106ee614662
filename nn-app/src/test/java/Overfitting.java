import dev.nn.core.data.DataSet;
import dev.nn.core.network.Network;
import dev.nn.data.mnist.DownloadProgress;
import dev.nn.data.mnist.Mnist;
import dev.nn.data.mnist.MnistLocator;
import dev.nn.monitor.History;
import dev.nn.monitor.Sgd;
import dev.nn.plot.HistoryCharts;
import java.nio.file.Path;

/** The seed's L2 run and the chapter 3 run of the tour, as nn train runs them. */
public class Overfitting {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Mnist mnist = Mnist.load(MnistLocator.standard(DownloadProgress.NONE).locate(null)); // as ./nn finds it
        DataSet training = mnist.training().first(1000), test = mnist.test();

        // nn train --seed 3 --train-size 1000 --epochs 400 --l2 0.2 --monitor
        Network net = Network.of(784, 30, 10).seed(3).build();
        History res = Sgd.epochs(400).batchSize(10).eta(0.5).l2(0.2).seed(3)
            .monitor(training, test).train(net, training);
        System.out.printf("L2: final test accuracy %.4f%n", res.last().testAccuracy());
        HistoryCharts.overfitting(res, 100).save(out, "history");

        // nn train --layers 784,100,10 --train-size 1000 --epochs 10 --eta 0.1 --dropout 0.5
        //     --momentum 0.9 --regularizer l1-prox=0.2: dropout is part of the network
        Network wide = Network.of(784, 100, 10).seed(3).dropout(0.5).build();
        History chapter3 = Sgd.epochs(10).eta(0.1).momentum(0.9).regularizer("l1-prox", 0.2).seed(3)
            .monitor(null, test).train(wide, training);
        System.out.printf("chapter 3: final test accuracy %.4f%n", chapter3.last().testAccuracy());
    }
}
