/**
 * The reference command-line app, {@code nn} ({@code java -m dev.nn.app/dev.nn.app.Main}). Its
 * commands are its interface; the one package it exports, {@code dev.nn.app.trials}, runs
 * {@code nn train}'s trials for a sweep built in Java.
 */
module dev.nn.app {
    requires transitive dev.nn.sweep;
    requires transitive dev.nn.data.mnist;
    requires dev.nn.plot;
    requires dev.nn.dashboard;
    requires info.picocli;
    requires org.slf4j;
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;

    exports dev.nn.app.trials;

    uses dev.nn.sweep.SweepEngine;

    opens dev.nn.app to info.picocli;
    opens dev.nn.app.cli to info.picocli;
    opens dev.nn.app.commands to info.picocli;
    opens dev.nn.app.run to info.picocli;
}
