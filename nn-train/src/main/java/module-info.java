/** The training loop: stochastic gradient descent over a network, publishing its events to listeners. */
module dev.nn.train {
    requires transitive dev.nn.core;
    requires org.slf4j;

    exports dev.nn.train;
    exports dev.nn.train.event;
}
