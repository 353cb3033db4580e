package io.mlpipe.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A Markdown table: the first column left-aligned (the case), the others right-aligned (the numbers). */
public final class Table {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... header) {
        this.header = List.of(header);
    }

    public Table row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, the header " + header.size());
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        out.append("|---");
        out.append("|---:".repeat(header.size() - 1)).append("|\n");
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        out.append("| ").append(String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList())).append(" |\n");
    }
}
