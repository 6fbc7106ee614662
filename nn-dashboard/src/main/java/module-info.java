/** A live page of the runs and sweeps of a directory, served by the JDK's HTTP server. */
module dev.nn.dashboard {
    requires transitive dev.nn.monitor;
    requires dev.nn.sweep;
    requires dev.nn.run;
    requires com.google.gson;
    requires jdk.httpserver;
    requires org.slf4j;

    exports dev.nn.dashboard;
}
