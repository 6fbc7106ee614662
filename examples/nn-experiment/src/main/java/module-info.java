/** A program of one's own on nn's libraries, as a named module; it runs the same on the class path. */
module com.example.experiment {
    requires dev.nn.data.mnist;
    requires dev.nn.monitor;
}
