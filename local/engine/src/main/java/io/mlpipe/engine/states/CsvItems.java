package io.mlpipe.engine.states;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlpipe.engine.ErrorNames;
import io.mlpipe.engine.StatesError;
import io.mlpipe.engine.json.Json;

import java.util.ArrayList;
import java.util.List;

/**
 * A delimited text file as Map items: "each row is an item, an object whose keys are the column
 * headers and whose values are the row's cells, as strings". The headers are the first row
 * (CSVHeaderLocation FIRST_ROW) or the given CSVHeaders (GIVEN). Quoted cells follow RFC 4180
 * (a doubled quote inside quotes is one quote; quoted cells may hold delimiters and line breaks).
 * A row with more cells than headers, or fewer, fails the read (States.ItemReaderFailed).
 */
final class CsvItems {
    private CsvItems() {}

    /** Items of {@code text}; at most {@code maxItems} data rows (negative = all). */
    static ArrayNode parse(String text, char delimiter, List<String> givenHeaders, long maxItems) {
        List<List<String>> rows = rows(text, delimiter);
        List<String> headers = givenHeaders;
        int first = 0;
        if (headers == null) {
            if (rows.isEmpty()) return Json.NODES.arrayNode();
            headers = rows.get(0);
            first = 1;
        }
        ArrayNode items = Json.NODES.arrayNode();
        for (int r = first; r < rows.size() && (maxItems < 0 || items.size() < maxItems); r++) {
            List<String> row = rows.get(r);
            if (row.size() != headers.size()) {
                throw new StatesError(ErrorNames.ITEM_READER_FAILED, "CSV row " + (r + 1) + " has " + row.size()
                        + " fields but there are " + headers.size() + " headers");
            }
            ObjectNode item = items.addObject();
            for (int c = 0; c < row.size(); c++) item.put(headers.get(c), row.get(c));
        }
        return items;
    }

    /** Rows of cells; blank lines are skipped. */
    static List<List<String>> rows(String text, char delimiter) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.length() == 0) {
                quoted = true;
                cellStarted = true;
            } else if (ch == delimiter) {
                row.add(cell.toString());
                cell.setLength(0);
                cellStarted = true;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                endRow(rows, row, cell, cellStarted);
                row = new ArrayList<>();
                cellStarted = false;
            } else {
                cell.append(ch);
                cellStarted = true;
            }
        }
        if (quoted) throw new StatesError(ErrorNames.ITEM_READER_FAILED, "The CSV file ends inside a quoted field");
        endRow(rows, row, cell, cellStarted);
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder cell, boolean cellStarted) {
        if (!cellStarted && row.isEmpty()) return;
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
    }
}
