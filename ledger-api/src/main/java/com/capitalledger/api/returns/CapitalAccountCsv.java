package com.capitalledger.api.returns;

import com.capitalledger.projections.fold.returns.CapitalAccountView;
import com.capitalledger.projections.fold.returns.CapitalAccountsView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Capital accounts as RFC 4180 CSV with a header line, one line per investor (and a last line PROGRAM for the
 * program's). Every cell is an id, a date or a plain decimal, none of which a spreadsheet reads as a formula.
 */
final class CapitalAccountCsv {

    static final String[] HEADER = {"programId", "investorId", "from", "to", "knownAt", "beginningNav",
        "contributions", "distributions", "netChangeInValue", "endingNav", "committed", "unfunded"};

    private CapitalAccountCsv() {
    }

    static String of(CapitalAccountView a) {
        return write(List.of(line(a.programId(), a.investorId(), a.from(), a.to(), a.knownAt(),
                new CapitalAccountView.Figures(a.beginningNav(), a.contributions(), a.distributions(),
                        a.netChangeInValue(), a.endingNav(), a.committed(), a.unfunded()))));
    }

    static String of(CapitalAccountsView accounts) {
        List<List<Object>> lines = new ArrayList<>();
        for (CapitalAccountsView.InvestorAccount a : accounts.investors()) {
            lines.add(line(accounts.programId(), a.investorId(), accounts.from(), accounts.to(), accounts.knownAt(),
                    new CapitalAccountView.Figures(a.beginningNav(), a.contributions(), a.distributions(),
                            a.netChangeInValue(), a.endingNav(), a.committed(), a.unfunded())));
        }
        lines.add(line(accounts.programId(), "PROGRAM", accounts.from(), accounts.to(), accounts.knownAt(),
                accounts.program()));
        return write(lines);
    }

    private static List<Object> line(String programId, String investorId, Object from, Object to, Object knownAt,
                                     CapitalAccountView.Figures f) {
        return List.of(programId, investorId, from, to, knownAt, plain(f.beginningNav()), plain(f.contributions()),
                plain(f.distributions()), plain(f.netChangeInValue()), plain(f.endingNav()), plain(f.committed()),
                plain(f.unfunded()));
    }

    private static String plain(BigDecimal amount) {
        return amount.toPlainString();
    }

    private static String write(List<List<Object>> lines) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            for (List<Object> line : lines) {
                csv.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
