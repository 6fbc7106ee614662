/** The training listeners: per-epoch cost and accuracy (the history), progress bar, gradient norms, logging. */
module dev.nn.monitor {
    requires transitive dev.nn.train;
    requires org.slf4j;

    exports dev.nn.monitor;
}
