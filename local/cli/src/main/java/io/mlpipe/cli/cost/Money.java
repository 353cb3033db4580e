package io.mlpipe.cli.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** How amounts and quantities are printed: dollars with cents from $1, three significant digits below; counts grouped. */
public final class Money {
    private Money() {
    }

    public static String format(double usd) {
        if (usd == 0) {
            return "$0";
        }
        if (Math.abs(usd) >= 1) {
            return String.format(Locale.ROOT, "$%,.2f", usd);
        }
        return "$" + new BigDecimal(usd).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * A price as published, every digit, at least cents: "$0.025", "$0.0000166667", "$3.50". A computed one (a
     * total used as a unit price, more than 7 significant digits) is shown like an amount.
     */
    public static String exact(double usd) {
        BigDecimal value = BigDecimal.valueOf(usd).stripTrailingZeros();
        if (value.precision() > 7) {
            return format(usd);
        }
        return "$" + (value.scale() < 2 ? value.setScale(2) : value).toPlainString();
    }

    /** 1000 -> "1,000"; 0.5 -> "0.5"; 0.000123456 -> "0.000123". */
    public static String count(double quantity) {
        if (quantity == Math.rint(quantity) && Math.abs(quantity) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) quantity);
        }
        if (Math.abs(quantity) >= 100) {
            return String.format(Locale.ROOT, "%,.1f", quantity);
        }
        return new BigDecimal(quantity).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
