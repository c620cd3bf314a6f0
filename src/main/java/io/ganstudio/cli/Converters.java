package io.ganstudio.cli;

import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.train.LossKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parsers for option values whose command-line names differ from Java's enum names. */
final class Converters {

    private Converters() {
    }

    static final class Loss implements ITypeConverter<LossKind> {
        @Override
        public LossKind convert(String value) {
            try {
                return LossKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Norm implements ITypeConverter<Normalization> {
        @Override
        public Normalization convert(String value) {
            try {
                return Normalization.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
