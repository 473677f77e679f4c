package com.capitalledger.projections.whatif;

import com.capitalledger.core.InMemoryLedger;
import com.capitalledger.core.StargateHistory;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerCommand;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.whatif.Change;
import com.capitalledger.core.whatif.JournalEntry;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Recorded;
import com.capitalledger.projections.fold.debt.TranchePosition;
import com.capitalledger.projections.fold.positions.PositionsFold;
import com.capitalledger.projections.fold.positions.ProgramPositions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static com.capitalledger.core.StargateHistory.P;
import static com.capitalledger.core.StargateHistory.d;
import static com.capitalledger.core.StargateHistory.day;
import static org.assertj.core.api.Assertions.assertThat;

/** The what-if analysis on the Stargate history, against positions folded from histories posted through the live path. */
class WhatIfAnalysisTest {

    private static final List<LedgerCommand> HISTORY = StargateHistory.commands();
    private static final List<LocalDate> DATES = List.of(day("2025-03-31"), day("2025-06-30"), day("2025-09-30"),
            day("2025-12-31"), day("2026-06-30"));
    private static List<JournalEntry> recorded;

    @BeforeAll
    static void recordTheHistory() {
        recorded = posted(HISTORY);
    }

    private static List<JournalEntry> posted(List<LedgerCommand> commands) {
        try (InMemoryLedger ledger = new InMemoryLedger()) {
            for (LedgerCommand command : commands) {
                try {
                    ledger.commands().sendAndWait(command);
                } catch (LedgerRejection refused) {
                    // The comparison below shows the branch refusing the same commands.
                }
            }
            return ledger.journal();
        }
    }

    /** Positions folded from a journal at a date, as known at the end of time (every entry counts). */
    private static ProgramPositions positions(List<JournalEntry> journal, LocalDate asOf) {
        List<Recorded<?>> recordedEvents = new ArrayList<>();
        for (int i = 0; i < journal.size(); i++) {
            recordedEvents.add(new Recorded<>(journal.get(i).event(), i, journal.get(i).recordedAt()));
        }
        return PositionsFold.positions(recordedEvents, P.value(), new Bitemporal(asOf, Instant.MAX)).orElseThrow();
    }

    private static WhatIfResult whatIf(Change... changes) {
        return WhatIfAnalysis.run(P, recorded, List.of(changes), DATES, Instant.MAX);
    }

    /** A positions document without the instant it was asked at, for comparing two ledgers asked at different times. */
    private static ProgramPositions timeless(ProgramPositions positions) {
        return new ProgramPositions(positions.programId(), positions.asOf(), Instant.EPOCH, positions.investors(),
                positions.equityTotals(), positions.tranches(), positions.debtTotals(), positions.capitalisation(),
                positions.phases());
    }

    @Test
    void withoutChangesTheScenarioIsTheBaseAndTheBaseIsTheRecordedPositions() {
        WhatIfResult result = whatIf();

        assertThat(result.scenario()).isEqualTo(result.base());
        assertThat(result.differences()).isEmpty();
        for (int i = 0; i < DATES.size(); i++) {
            assertThat(result.base().get(i)).isEqualTo(positions(recorded, DATES.get(i)));
        }
    }

    @Test
    void removingARepricingGivesThePositionsOfTheHistoryPostedWithoutIt() {
        int repricing = 0;
        while (!(HISTORY.get(repricing) instanceof RepriceTranche)) {
            repricing++;
        }
        List<LedgerCommand> shortened = new ArrayList<>(HISTORY);
        shortened.remove(repricing);
        List<JournalEntry> fresh = posted(shortened);

        WhatIfResult result = whatIf(new Change.Remove(recorded.get(repricing).eventId()));

        for (int i = 0; i < DATES.size(); i++) {
            assertThat(timeless(result.scenario().get(i))).isEqualTo(timeless(positions(fresh, DATES.get(i))));
        }
        // Only the mezzanine's margin and what accrues on it differ, and only once the repricing took effect.
        assertThat(result.differences()).extracting(FigureDifference::asOf).doesNotContain(day("2025-03-31"));
        assertThat(result.differences()).filteredOn(f -> f.asOf().equals(day("2025-12-31")))
                .extracting(FigureDifference::path).containsExactlyInAnyOrder(
                        "tranches[P1-MEZZ].marginPct", "tranches[P1-MEZZ].allInRatePct",
                        "tranches[P1-MEZZ].accruedInterest", "tranches[P1-MEZZ].marginHistory[2025-06-01].effectiveDate",
                        "tranches[P1-MEZZ].marginHistory[2025-06-01].marginPct", "debtTotals.accruedInterest");
        FigureDifference interest = result.differences().stream()
                .filter(f -> f.asOf().equals(day("2025-12-31")) && f.path().equals("tranches[P1-MEZZ].accruedInterest"))
                .findFirst().orElseThrow();
        assertThat(new BigDecimal(interest.delta()))
                .isEqualByComparingTo(new BigDecimal(interest.scenario()).subtract(new BigDecimal(interest.base())))
                .isNegative();
    }

    @Test
    void aRateShiftGivesTheAccruedInterestThatPostingTheShiftedFixingsGives() {
        LocalDate from = day("2025-07-01");
        List<LedgerCommand> shifted = new ArrayList<>();
        for (LedgerCommand command : HISTORY) {
            if (command instanceof RecordBaseRateFixing fixing && fixing.rateName().equals("SOFR")
                    && !fixing.effectiveDate().isBefore(from)) {
                shifted.add(new RecordBaseRateFixing("SOFR", fixing.ratePct().add(d("2.00")), fixing.effectiveDate()));
            } else {
                shifted.add(command);
            }
        }
        // The rate in force on July 1st (the June 2nd fixing of 4.28), 2 points higher from then on.
        shifted.add(new RecordBaseRateFixing("SOFR", d("6.28000"), from));
        List<JournalEntry> fresh = posted(shifted);

        WhatIfResult result = whatIf(new Change.ShiftRate(new BaseRateName("SOFR"), from, 200));

        for (int i = 0; i < DATES.size(); i++) {
            Map<String, BigDecimal> expected = accruedInterest(positions(fresh, DATES.get(i)));
            assertThat(accruedInterest(result.scenario().get(i))).as("as of " + DATES.get(i)).isEqualTo(expected);
        }
        // Before July nothing moves; after it the SOFR tranches accrue more, the Term SOFR tranche the same.
        assertThat(accruedInterest(result.scenario().get(1))).isEqualTo(accruedInterest(result.base().get(1)));
        Map<String, BigDecimal> base = accruedInterest(result.base().get(3));
        Map<String, BigDecimal> scenario = accruedInterest(result.scenario().get(3));
        assertThat(scenario.get("P1-SENIOR")).isGreaterThan(base.get("P1-SENIOR"));
        assertThat(scenario.get("P1-MEZZ")).isGreaterThan(base.get("P1-MEZZ"));
        assertThat(scenario.get("P2-SENIOR")).isEqualTo(base.get("P2-SENIOR"));
    }

    private static Map<String, BigDecimal> accruedInterest(ProgramPositions positions) {
        Map<String, BigDecimal> interest = new TreeMap<>();
        for (TranchePosition tranche : positions.tranches()) {
            interest.put(tranche.trancheId(), tranche.accruedInterest());
        }
        return interest;
    }
}
