package io.mlpipe.cli.cost;

/**
 * One published price: {@code usd} for every {@code per} units of {@code unit} (e.g. $0.025 per 1,000 state
 * transitions), with the page it was read from.
 */
public record Price(String id, String item, double usd, double per, String unit, String source) {

    /** What {@code quantity} units cost. */
    public double cost(double quantity) {
        return quantity / per * usd;
    }

    /** "$0.025 / 1,000 state transitions". */
    public String label() {
        return Money.exact(usd) + " / " + (per == 1 ? "" : Money.count(per) + " ") + unit;
    }
}
