package io.ganstudio.cli;

import io.ganstudio.core.data.Fit;
import io.ganstudio.core.model.Normalization;
import io.ganstudio.core.model.Upsampling;
import io.ganstudio.core.train.Augment;
import io.ganstudio.core.train.LossKind;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.function.Function;

/** Parsers for option values whose command-line names differ from Java's enum names. */
final class Converters {

    private Converters() {
    }

    /** A setting's own parser ({@code CliNamed.parse}), its message becoming picocli's usage error. */
    private abstract static class Named<E> implements ITypeConverter<E> {
        private final Function<String, E> parse;

        Named(Function<String, E> parse) {
            this.parse = parse;
        }

        @Override
        public E convert(String value) {
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Loss extends Named<LossKind> {
        Loss() {
            super(LossKind::parse);
        }
    }

    static final class AugmentKind extends Named<Augment> {
        AugmentKind() {
            super(Augment::parse);
        }
    }

    static final class FitKind extends Named<Fit> {
        FitKind() {
            super(Fit::parse);
        }
    }

    static final class Norm extends Named<Normalization> {
        Norm() {
            super(Normalization::parse);
        }
    }

    static final class UpsamplingKind extends Named<Upsampling> {
        UpsamplingKind() {
            super(Upsampling::parse);
        }
    }
}
