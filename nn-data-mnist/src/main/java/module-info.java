/** Reading the MNIST IDX files (labels one-hot for training and test alike), finding and downloading them. */
module dev.nn.data.mnist {
    requires transitive dev.nn.core;
    requires com.google.common;
    requires java.net.http;
    requires org.slf4j;

    exports dev.nn.data.mnist;
}
