package dev.nn.run.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --regularizer}: a regularizer's spec and its lambda, written {@code ID=LAMBDA} or, with
 * the regularizer's own parameters, {@code ID:NAME=VALUE,...=LAMBDA}: the lambda follows the last
 * {@code =}, so a spec's own {@code name=value} pairs never take it.
 *
 * @param spec the regularizer's id, with its parameters if any ({@code pseudo-huber:delta=0.05})
 * @param lambda its strength
 */
public record RegularizerFlag(String spec, double lambda) {

    /** Reads {@code --regularizer}'s value. */
    public static final class Converter implements ITypeConverter<RegularizerFlag> {

        /** Creates the converter, for picocli. */
        public Converter() {
        }

        @Override
        public RegularizerFlag convert(String value) {
            int eq = value.lastIndexOf('=');
            String spec = eq < 0 ? "" : value.substring(0, eq).trim();
            // a spec with parameters needs its own '=' before the lambda's
            boolean complete = !spec.isEmpty() && (spec.indexOf(':') < 0 || spec.indexOf('=') > spec.indexOf(':'));
            double lambda;
            try {
                lambda = complete ? Double.parseDouble(value.substring(eq + 1).trim()) : Double.NaN;
            } catch (NumberFormatException e) {
                complete = false;
                lambda = Double.NaN;
            }
            if (!complete) {
                throw new TypeConversionException("expected ID=LAMBDA such as l1-prox=0.2, or with the regularizer's"
                        + " parameters ID:NAME=VALUE=LAMBDA such as pseudo-huber:delta=0.05=1.0, got '" + value + "'");
            }
            return new RegularizerFlag(spec, lambda);
        }
    }
}
