package com.capitalledger.projections.fold.audit;

import com.capitalledger.core.cashflow.api.ValuationRecorded;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.projections.fold.cashflow.CashFlowsFoldTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static com.capitalledger.projections.fold.Values.d;
import static com.capitalledger.projections.fold.Values.day;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A waterfall's audit line: the program, the cash it shared out as the amount, and every step in the detail; a
 * valuation's: the value as the amount.
 */
class WaterfallAuditTest {

    @Test
    void aWaterfallsLineListsEachStep() {
        AuditEntry entry = AuditEntries.accepted("e-1", 7, CashFlowsFoldTest.waterfall(),
                Instant.parse("2027-04-01T10:00:00Z"), Map.of(AuditKeys.ACTOR, "treasury-1"));

        assertThat(entry.type()).isEqualTo("WaterfallRun");
        assertThat(entry.programId()).isEqualTo("P1");
        assertThat(entry.amount()).isEqualTo(d("700000.00"));
        assertThat(entry.effectiveDate()).isEqualTo(day("2027-04-01"));
        assertThat(entry.actor()).isEqualTo("treasury-1");
        assertThat(entry.detail()).isEqualTo("period 2027-03-31"
                + "; SENIOR_INTEREST_AND_FEES due 20000.00 paid 20000.00"
                + "; SENIOR_PRINCIPAL due 500000.00 paid 500000.00"
                + "; MEZZANINE_INTEREST_AND_FEES due 0.00 paid 0.00"
                + "; MEZZANINE_PRINCIPAL due 0.00 paid 0.00"
                + "; DSRA drawn 0.00 released 0.00 toppedUp 100000.00 closing 100000.00"
                + "; LOCK_UP trapped 0.00 released 0.00 closing 0.00"
                + "; DSCR 1.0400; TEST failed [DSCR_BELOW_LOCK_UP]; DISTRIBUTION 80000.00");
    }

    @Test
    void aValuationsLineCarriesTheValue() {
        AuditEntry entry = AuditEntries.accepted("e-2", 8, new ValuationRecorded(new ProgramId("P1"),
                        day("2027-03-31"), new Money(d("61000000.00"), new CurrencyCode("USD")), day("2027-03-31")),
                Instant.parse("2027-04-20T10:00:00Z"), Map.of(AuditKeys.ACTOR, "treasury-1"));

        assertThat(entry.type()).isEqualTo("ValuationRecorded");
        assertThat(entry.programId()).isEqualTo("P1");
        assertThat(entry.amount()).isEqualTo(d("61000000.00"));
        assertThat(entry.effectiveDate()).isEqualTo(day("2027-03-31"));
    }
}
