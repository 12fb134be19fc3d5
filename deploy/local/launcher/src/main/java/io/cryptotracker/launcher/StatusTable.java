package io.cryptotracker.launcher;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns sized to their widest cell. */
final class StatusTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    StatusTable(String... header) {
        this.header = List.of(header);
    }

    StatusTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("Expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(java.util.Arrays.stream(cells).map(String::valueOf).toList());
        return this;
    }

    String render() {
        int[] widths = new int[header.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = header.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder();
        append(text, header, widths);
        for (List<String> row : rows) {
            append(text, row, widths);
        }
        return text.toString();
    }

    private static void append(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int column = 0; column < cells.size(); column++) {
            line.append(String.format("%-" + widths[column] + "s", cells.get(column)));
            if (column < cells.size() - 1) {
                line.append("  ");
            }
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
