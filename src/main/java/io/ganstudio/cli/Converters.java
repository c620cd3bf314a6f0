package io.ganstudio.cli;

import io.ganstudio.core.data.Fit;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.train.Augment;
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

    static final class AugmentKind implements ITypeConverter<Augment> {
        @Override
        public Augment convert(String value) {
            try {
                return Augment.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class FitKind implements ITypeConverter<Fit> {
        @Override
        public Fit convert(String value) {
            for (Fit f : Fit.values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new TypeConversionException("unknown fit '" + value + "': use resize or pad");
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

    static final class UpsamplingKind implements ITypeConverter<Upsampling> {
        @Override
        public Upsampling convert(String value) {
            try {
                return Upsampling.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
