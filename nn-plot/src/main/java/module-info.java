/**
 * Figures of histories, weights and sweeps, as PNG and SVG, drawn with XChart (whose charts a
 * {@code Figure} takes, hence {@code requires transitive}). XChart and VectorGraphics2D are not
 * modules of their own yet: they are automatic modules, VectorGraphics2D named after its jar.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.nn.plot {
    requires transitive dev.nn.monitor;
    requires transitive java.desktop;
    requires transitive org.knowm.xchart;
    requires VectorGraphics2D;

    exports dev.nn.plot;
}
