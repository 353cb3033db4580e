package io.mlpipe.cli.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MoneyPrintsAmountsReadablyTest {
    @Test
    void amountsHaveCentsFromADollarAndThreeSignificantDigitsBelow() {
        Object[][] cases = {{0.0, "$0"}, {83.95, "$83.95"}, {1234.5, "$1,234.50"}, {0.5, "$0.5"}, {0.008312, "$0.00831"},
                {0.0000155234, "$0.0000155"}};
        for (Object[] c : cases) {
            assertEquals(c[1], Money.format((double) c[0]), String.valueOf(c[0]));
        }
    }

    @Test
    void pricesKeepEveryPublishedDigitAndComputedOnesAreRounded() {
        Object[][] cases = {{0.025, "$0.025"}, {0.0000166667, "$0.0000166667"}, {3.5, "$3.50"}, {1.0, "$1.00"}, {0.0, "$0.00"},
                {0.0001397998, "$0.0001397998"}, {0.008313650719178082, "$0.00831"}};
        for (Object[] c : cases) {
            assertEquals(c[1], Money.exact((double) c[0]), String.valueOf(c[0]));
        }
    }

    @Test
    void quantitiesAreGroupedOrRoundedToThreeSignificantDigits() {
        Object[][] cases = {{1000.0, "1,000"}, {2628000.0, "2,628,000"}, {0.05, "0.05"}, {0.000685, "0.000685"}, {1234.56, "1,234.6"}};
        for (Object[] c : cases) {
            assertEquals(c[1], Money.count((double) c[0]), String.valueOf(c[0]));
        }
    }
}
