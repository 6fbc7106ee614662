package dev.nn.run.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --layers 784,30,10}: at least two positive sizes separated by commas. */
public final class LayersConverter implements ITypeConverter<LayerSizes> {

    /** Creates the converter, for picocli. */
    public LayersConverter() {
    }

    @Override
    public LayerSizes convert(String value) {
        String[] parts = value.split(",", -1);
        if (parts.length < 2) {
            throw new TypeConversionException("expected at least two comma-separated layer sizes such as 784,30,10, got '"
                    + value + "'");
        }
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected comma-separated positive whole numbers such as 784,30,10,"
                        + " got '" + value + "'");
            }
            if (sizes[i] < 1) {
                throw new TypeConversionException("layer sizes must be >= 1, got '" + value + "'");
            }
        }
        return new LayerSizes(sizes);
    }
}
