package com.example.experiment;

import dev.nn.core.data.DataSet;
import dev.nn.core.network.Network;
import dev.nn.data.mnist.DownloadProgress;
import dev.nn.data.mnist.Mnist;
import dev.nn.data.mnist.MnistLocator;
import dev.nn.monitor.EpochRecord;
import dev.nn.monitor.History;
import dev.nn.monitor.Sgd;

/** nn train --seed 3 --train-size 1000 --epochs 3, in Java: the test accuracy after each epoch. */
public final class Experiment {

    private Experiment() {
    }

    /** Runs the experiment on MNIST, found as ./nn finds it (NN_MNIST_DIR, then the cache). */
    public static void main(String[] args) throws Exception {
        Mnist mnist = Mnist.load(MnistLocator.standard(DownloadProgress.NONE).locate(null));
        DataSet training = mnist.training().first(1000);
        Network net = Network.of(784, 30, 10).seed(3).build();
        History history = Sgd.epochs(3).batchSize(10).eta(0.5).seed(3).monitor(null, mnist.test())
                .train(net, training);
        for (EpochRecord r : history.records()) {
            System.out.printf("epoch %d: test accuracy %.4f%n", r.epoch(), r.testAccuracy());
        }
    }
}
