package io.ganstudio.core.text;

import java.math.BigDecimal;

/** Numbers as people write them in settings: 0.0005 and 0.995, not 5.0E-4 or 0.99500. */
public final class Decimals {

    private Decimals() {
    }

    /** The float as its shortest decimal, without exponent or trailing zeros. */
    public static String plain(float f) {
        return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
    }

    /** The double as its shortest decimal, without exponent or trailing zeros. */
    public static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
