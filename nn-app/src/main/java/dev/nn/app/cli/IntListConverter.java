package dev.nn.app.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a comma-separated list of positive whole numbers, such as {@code --batches 7,8,9}. */
public final class IntListConverter implements ITypeConverter<List<Integer>> {

    @Override
    public List<Integer> convert(String value) {
        List<Integer> list = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            try {
                int n = Integer.parseInt(part.trim());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                list.add(n);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected comma-separated whole numbers >= 1 such as 7,8,9, got '"
                        + value + "'");
            }
        }
        return list;
    }
}
