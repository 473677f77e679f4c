package com.capitalledger.api.support;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bodies of section 10's operations commands, and a small program in operations seeded with them over HTTP whose
 * every figure is computed by hand ({@link #seed}).
 */
public final class OperatingProgram {

    private OperatingProgram() {
    }

    /**
     * Program {@code programId} on TERM-SOFR-12M, which it fixes at 0 from 2026-01-01 (so no program on that rate may
     * share its ledger), with a zero margin and fee: every interest is 0, and the waterfall pays installments, the
     * DSRA, the lock-up and distributions only. Investors A (60 %) and B (40 %) pay in 100 million; senior tranche T1
     * is drawn in full, 200 million, repaid 10 % a quarter from 2026-10-01 and 60 % on 2027-10-01. Terms: quarters
     * from 2026-07-01, lock-up below a DSCR of 2.0000, default below 1.0500, a DSRA of one period.
     * <ul>
     *     <li>Q3 2026: CFADS 50 million pays the 20 million installment and tops the DSRA up to its target (the next
     *     installment, 20 million); DSCR 50 / 20 = 2.5000 passes, 10 million is distributed.
     *     <li>Q4 2026: CFADS 28 million pays the installment; DSCR (50 + 28) / 40 = 1.9500 is below the lock-up:
     *     the 8 million left is trapped.
     *     <li>Q1 2027: CFADS 52 million pays the installment; DSCR 130 / 60 = 2.1667 passes: the 32 million left and
     *     the 8 million locked up are distributed.
     *     <li>Q2 2027: CFADS -50 million; the DSRA's 20 million pays the installment; DSCR 80 / 80 = 1.0000 is below the
     *     default line (event of default EOD-2027-06-30-DSCR, waived on 2027-07-02) and the DSRA is empty against its
     *     120 million target.
     *     <li>Q3 2027: a cash flow (CFADS 30 million) whose waterfall has not run.
     * </ul>
     */
    public static void seed(HttpClientSupport treasury, String programId) {
        String program = "/api/v1/programs/" + programId;
        created(treasury.postJson("/api/v1/base-rates/TERM-SOFR-12M/fixings",
                "{\"ratePct\":\"0.00000\",\"effectiveDate\":\"2026-01-01\"}"));
        created(treasury.postJson("/api/v1/programs", """
                {"programId":"%s","name":"Operating program","currency":"USD","targetAmount":"1000000000.00",
                 "maxDebtPct":"80","effectiveDate":"2026-01-01"}""".formatted(programId)));
        created(treasury.postJson(program + "/phases", """
                {"phaseId":"PH1","name":"Phase","budget":"500000000.00","currency":"USD","effectiveDate":"2026-01-01"}"""));
        created(treasury.postJson(program + "/commitments", """
                {"investorId":"A","investorName":"Alpha","amount":"60000000.00","currency":"USD",
                 "effectiveDate":"2026-01-01"}"""));
        created(treasury.postJson(program + "/commitments", """
                {"investorId":"B","investorName":"Beta","amount":"40000000.00","currency":"USD",
                 "effectiveDate":"2026-01-01"}"""));
        created(treasury.postJson(program + "/capital-calls", """
                {"callId":"C1","phaseId":"PH1","amount":"100000000.00","currency":"USD","purpose":"works",
                 "effectiveDate":"2026-01-15"}"""));
        created(treasury.postJson(program + "/tranches", """
                {"trancheId":"T1","phaseId":"PH1","name":"Senior","seniority":"SENIOR","commitment":"200000000.00",
                 "currency":"USD","baseRate":"TERM-SOFR-12M","marginPct":"0","commitmentFeePct":"0",
                 "availabilityEnd":"2026-12-31","effectiveDate":"2026-02-01",
                 "lenders":[{"lenderId":"L1","name":"Lender One","commitment":"200000000.00"}]}"""));
        created(treasury.postJson(program + "/tranches/T1/draws", """
                {"drawId":"D1","amount":"200000000.00","currency":"USD","effectiveDate":"2026-03-01"}"""));
        created(treasury.postJson(program + "/operating-terms",
                terms("2026-07-01", 3, "2.0000", "1.0500", 1, "2026-06-01")));
        created(treasury.postJson(program + "/tranches/T1/repayment-schedule", schedule("2026-06-01",
                "2026-10-01", "10", "2027-01-01", "10", "2027-04-01", "10", "2027-07-01", "10", "2027-10-01", "60")));
        String[][] quarters = {
                {"2026-09-30", "70000000.00", "10000000.00", "5000000.00", "5000000.00"},
                {"2026-12-31", "38000000.00", "10000000.00", "0.00", "0.00"},
                {"2027-03-31", "62000000.00", "10000000.00", "0.00", "0.00"},
                {"2027-06-30", "10000000.00", "60000000.00", "0.00", "0.00"},
        };
        for (String[] quarter : quarters) {
            created(treasury.postJson(program + "/operating-cash-flows",
                    cashFlow(quarter[0], quarter[1], quarter[2], quarter[3], quarter[4])));
            created(treasury.postJson(program + "/waterfalls", waterfall(quarter[0])));
        }
        created(treasury.postJson(program + "/events-of-default/EOD-2027-06-30-DSCR/waiver", waiver("2027-07-02")));
        created(treasury.postJson(program + "/operating-cash-flows",
                cashFlow("2027-09-30", "40000000.00", "10000000.00", "0.00", "0.00")));
    }

    private static void created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().uri() + " " + response.body()).isEqualTo(201);
    }

    public static String terms(String operationsStart, int periodMonths, String lockUp, String onDefault,
                               int dsraPeriods, String effectiveDate) {
        return """
                {"operationsStart":"%s","periodMonths":%d,"lockUpDscr":"%s","defaultDscr":"%s","dsraPeriods":%d,
                 "effectiveDate":"%s"}""".formatted(operationsStart, periodMonths, lockUp, onDefault, dsraPeriods,
                effectiveDate);
    }

    /** A schedule effective on the date, then due date and percentage pairs. */
    public static String schedule(String effectiveDate, String... installments) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < installments.length; i += 2) {
            items.add("{\"dueDate\":\"%s\",\"pct\":\"%s\"}".formatted(installments[i], installments[i + 1]));
        }
        return "{\"installments\":[" + String.join(",", items) + "],\"effectiveDate\":\"" + effectiveDate + "\"}";
    }

    public static String cashFlow(String periodEnd, String revenue, String costs, String taxes, String capex) {
        return """
                {"periodEnd":"%s","revenue":"%s","operatingCosts":"%s","taxes":"%s","maintenanceCapex":"%s",
                 "currency":"USD"}""".formatted(periodEnd, revenue, costs, taxes, capex);
    }

    public static String waterfall(String periodEnd) {
        return "{\"periodEnd\":\"" + periodEnd + "\"}";
    }

    public static String waiver(String effectiveDate) {
        return "{\"effectiveDate\":\"" + effectiveDate + "\",\"reason\":\"Lenders' waiver letter\"}";
    }
}
