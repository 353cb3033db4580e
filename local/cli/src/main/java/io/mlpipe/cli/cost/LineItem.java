package io.mlpipe.cli.cost;

/** One line of a cost table: {@code quantity} units of {@code price}, and why that many. */
public record LineItem(String item, double quantity, Price price, String note) {
    public double usd() {
        return price.cost(quantity);
    }
}
