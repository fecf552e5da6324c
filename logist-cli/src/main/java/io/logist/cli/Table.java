package io.logist.cli;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns, as {@code git branch -v} or {@code kubectl get} print them. */
final class Table {
    private static final String GAP = "  ";

    private final List<List<String>> rows = new ArrayList<>();
    private final int columns;

    /** A table with these column headings. */
    Table(String... headings) {
        columns = headings.length;
        rows.add(List.of(headings));
    }

    /** Adds a row; it must have one cell per column. */
    Table row(String... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " cells but got " + cells.length);
        }
        rows.add(List.of(cells));
        return this;
    }

    /** The table, one line per row, each line ending in a line separator. */
    String render() {
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == 0 ? "" : GAP).append(row.get(i));
                line.append(" ".repeat(widths[i] - row.get(i).length()));
            }
            text.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        return text.toString();
    }
}
