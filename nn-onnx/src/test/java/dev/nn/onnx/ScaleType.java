package dev.nn.onnx;

import dev.nn.core.layer.Layer;
import dev.nn.core.layer.LayerPass;
import dev.nn.core.layer.LayerSetup;
import dev.nn.core.layer.LayerType;
import dev.nn.core.layer.PassSetup;
import dev.nn.core.layer.Shape;
import dev.nn.core.spi.Hyperparameter;
import dev.nn.core.spi.Matrix;
import java.util.List;
import java.util.Map;

/**
 * An outside author's layer type, {@code scale:factor}: multiplies every value by a factor. This
 * one has no ONNX form; {@link Exportable} has.
 */
class ScaleType implements LayerType {

    final double factor;

    ScaleType(double factor) {
        this.factor = factor;
    }

    /** The scale layer with its ONNX form: {@code Mul} by the factor. */
    static final class Exportable extends ScaleType implements OnnxLayer {

        Exportable(double factor) {
            super(factor);
        }

        @Override
        public ScaleType withParameters(Map<String, Double> values) {
            return new Exportable(values.getOrDefault("factor", factor));
        }

        @Override
        public String toOnnx(OnnxGraph graph, Layer layer, String input) {
            return graph.node("Mul", List.of(input, graph.constant("factor", new long[0], new double[] {factor})));
        }
    }

    @Override
    public String id() {
        return "scale";
    }

    @Override
    public List<Hyperparameter> hyperparameters() {
        return List.of(new Hyperparameter("factor", factor, "what every value is multiplied by"));
    }

    @Override
    public ScaleType withParameters(Map<String, Double> values) {
        return new ScaleType(values.getOrDefault("factor", factor));
    }

    @Override
    public Layer create(LayerSetup setup) {
        Shape shape = setup.input();
        return new Layer() {
            @Override
            public LayerType type() {
                return ScaleType.this;
            }

            @Override
            public Shape inputShape() {
                return shape;
            }

            @Override
            public Shape outputShape() {
                return shape;
            }

            @Override
            public LayerPass newPass(PassSetup pass) {
                Matrix out = Matrix.of(pass.maxBatch(), shape.size());
                Matrix gradient = Matrix.of(pass.maxBatch(), shape.size());
                return new LayerPass() {
                    @Override
                    public void forward(Matrix in, int m) {
                        out.setRows(m);
                        for (int i = 0; i < m * shape.size(); i++) {
                            out.data()[i] = factor * in.data()[i];
                        }
                    }

                    @Override
                    public Matrix output() {
                        return out;
                    }

                    @Override
                    public Matrix gradient() {
                        return gradient;
                    }

                    @Override
                    public boolean backward(Matrix gradIn, int m) {
                        if (gradIn != null) {
                            gradIn.setRows(m);
                            for (int i = 0; i < m * shape.size(); i++) {
                                gradIn.data()[i] = factor * gradient.data()[i];
                            }
                        }
                        return true;
                    }
                };
            }

            @Override
            public Layer copy() {
                return this;
            }
        };
    }
}
