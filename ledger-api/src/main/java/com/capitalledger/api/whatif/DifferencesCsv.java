package com.capitalledger.api.whatif;

import com.capitalledger.projections.whatif.FigureDifference;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A what-if's differences as RFC 4180 CSV, one row a figure. A text cell a spreadsheet would read as a formula (such
 * as a name starting with '=') gets an apostrophe first; numbers, negative ones included, stay numbers.
 */
final class DifferencesCsv {

    static final String[] HEADER = {"asOf", "path", "base", "scenario", "delta"};
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

    private DifferencesCsv() {
    }

    static String write(List<FigureDifference> differences) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (FigureDifference difference : differences) {
                csv.printRecord(difference.asOf(), difference.path(), cell(difference.base()),
                        cell(difference.scenario()), difference.delta());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String cell(String value) {
        if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0
                && !NUMBER.matcher(value).matches()) {
            return "'" + value;
        }
        return value;
    }
}
