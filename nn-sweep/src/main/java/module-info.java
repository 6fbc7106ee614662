/** Sweeps: many training runs over a grid or random search, in parallel, resumable, compared. */
module dev.nn.sweep {
    requires transitive dev.nn.monitor;

    exports dev.nn.sweep;
}
