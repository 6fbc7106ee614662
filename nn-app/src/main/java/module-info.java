/**
 * The reference command-line app, {@code nn} ({@code java -m dev.nn.app/dev.nn.app.Main}). Its
 * commands are its interface, and it exports nothing: what a program of one's own uses of a run is
 * in {@code dev.nn.run}.
 */
module dev.nn.app {
    requires transitive dev.nn.sweep;
    requires transitive dev.nn.data.mnist;
    requires dev.nn.run;
    requires dev.nn.plot;
    requires dev.nn.dashboard;
    requires dev.nn.onnx;
    requires info.picocli;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;

    uses dev.nn.sweep.SweepEngine;

    opens dev.nn.app to info.picocli;
    opens dev.nn.app.cli to info.picocli;
    opens dev.nn.app.commands to info.picocli;
}
