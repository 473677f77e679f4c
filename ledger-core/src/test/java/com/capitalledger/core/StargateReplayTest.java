package com.capitalledger.core;

import com.capitalledger.core.calc.Act360;
import com.capitalledger.core.calc.DailySteps;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheDrawn;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.debt.api.TrancheRepaid;
import com.capitalledger.core.debt.api.TrancheRepriced;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallDefaultCured;
import com.capitalledger.core.equity.api.CallDefaultRecorded;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.CommitmentIncreased;
import com.capitalledger.core.equity.api.CommitmentReduced;
import com.capitalledger.core.equity.api.CommitmentTransferred;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.ReduceCommitment;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.ProgramId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@link StargateHistory} through the real command path (on an in-memory event store). Every figure expected here
 * was computed independently, in exact rational arithmetic, by {@code src/test/resources/stargate_expected.py}.
 */
class StargateReplayTest {

    private static final ProgramId P = new ProgramId("STARGATE");
    private static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    private InMemoryLedger ledger;

    @BeforeEach
    void start() {
        ledger = new InMemoryLedger();
    }

    @AfterEach
    void stop() {
        ledger.close();
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private void send(Object command) {
        ledger.commands().sendAndWait(command);
    }

    private void replayTheHistory() {
        StargateHistory.commands().forEach(this::send);
    }

    @Test
    void everyCallIsAllocatedToTheCentAsComputedIndependently() {
        replayTheHistory();

        Map<String, String> allocations = new TreeMap<>();
        for (Object event : ledger.events()) {
            if (event instanceof CapitalCalled called) {
                BigDecimal sum = BigDecimal.ZERO;
                for (Allocation allocation : called.allocations()) {
                    allocations.put(called.callId() + " " + allocation.investorId(), allocation.amount().toPlainString());
                    sum = sum.add(allocation.amount().amount());
                }
                assertThat(sum).as("allocations of " + called.callId()).isEqualByComparingTo(called.amount().amount());
            }
        }
        assertThat(allocations).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("C1 MGX", "333333333.33"), Map.entry("C1 OPENAI", "1266666666.67"),
                Map.entry("C1 ORACLE", "466666666.67"), Map.entry("C1 SOFTBANK", "1266666666.66"),
                Map.entry("C2 MGX", "500000000.00"), Map.entry("C2 OPENAI", "1899999999.99"),
                Map.entry("C2 ORACLE", "700000000.00"), Map.entry("C2 SOFTBANK", "1900000000.00"),
                Map.entry("C3 MGX", "369686328.67"), Map.entry("C3 OPENAI", "1032947094.82"),
                Map.entry("C3 ORACLE", "380559455.98"), Map.entry("C3 SOFTBANK", "935088948.99"),
                // MGX is in default on C3 when C4 is called, so it is left out.
                Map.entry("C4 OPENAI", "621992076.04"), Map.entry("C4 ORACLE", "229154975.39"),
                Map.entry("C4 SOFTBANK", "563066510.94"),
                Map.entry("C5 MGX", "872195595.46"), Map.entry("C5 OPENAI", "2334600498.81"),
                Map.entry("C5 ORACLE", "860115973.24"), Map.entry("C5 SOFTBANK", "2113427819.98"),
                Map.entry("C6 MGX", "416769848.09"), Map.entry("C6 OPENAI", "1115565247.40"),
                Map.entry("C6 ORACLE", "599377439.40"), Map.entry("C6 SOFTBANK", "1009880118.70"),
                Map.entry("C7 MGX", "134894409.35"), Map.entry("C7 OPENAI", "344242940.02"),
                Map.entry("C7 ORACLE", "193998356.73"), Map.entry("C7 SOFTBANK", "326864293.93")));
    }

    @Test
    void everyInvestorEndsWithTheFiguresComputedIndependently() {
        replayTheHistory();
        Map<String, BigDecimal[]> investors = investorTotals(ledger.events());

        // committed, called, defaulted (paid-in = called - defaulted, unfunded = committed - called)
        assertInvestor(investors, "MGX", "6500000000.00", "2626879514.90", "0.00");
        assertInvestor(investors, "OPENAI", "18500000000.00", "8616014523.75", "0.00");
        assertInvestor(investors, "ORACLE", "9000000000.00", "3429872867.41", "0.00");
        assertInvestor(investors, "SOFTBANK", "17500000000.00", "8114994359.20", "0.00");

        // The aggregate agrees: reducing by one cent more than the unfunded commitment is refused, naming it.
        for (String[] unfunded : new String[][]{{"MGX", "3,873,120,485.10"}, {"OPENAI", "9,883,985,476.25"},
                {"ORACLE", "5,570,127,132.59"}, {"SOFTBANK", "9,385,005,640.80"}}) {
            BigDecimal oneCentMore = d(unfunded[1].replace(",", "")).add(d("0.01"));
            assertThatThrownBy(() -> send(new ReduceCommitment(P, new InvestorId(unfunded[0]), oneCentMore, "USD",
                    day("2025-12-31"))))
                    .isInstanceOf(LedgerRejection.class)
                    .hasMessageEndingWith("exceeds its unfunded commitment " + unfunded[1] + " USD");
        }
    }

    @Test
    void theDefaultWasTheWholeAllocationAndTheCureRestoredIt() {
        replayTheHistory();

        List<Object> defaults = ledger.events().stream()
                .filter(e -> e instanceof CallDefaultRecorded || e instanceof CallDefaultCured).toList();

        assertThat(defaults).containsExactly(
                new CallDefaultRecorded(P, new CallId("C3"), new InvestorId("MGX"), usd("369686328.67"), day("2025-05-05")),
                new CallDefaultCured(P, new CallId("C3"), new InvestorId("MGX"), usd("369686328.67"), day("2025-07-01")));
    }

    @Test
    void everyLenderEndsWithTheFiguresComputedIndependently() {
        replayTheHistory();
        Map<String, BigDecimal[]> lenders = lenderTotals(ledger.events());

        // drawn, repaid (outstanding = drawn - repaid)
        assertLender(lenders, "P1-MEZZ APOLLO", "2160493820.22", "0.00");
        assertLender(lenders, "P1-MEZZ BLACKSTONE", "1296296292.12", "0.00");
        assertLender(lenders, "P1-SENIOR JPM", "8804012297.07", "437500000.01");
        assertLender(lenders, "P1-SENIOR MUFG", "6288580212.18", "312500000.00");
        assertLender(lenders, "P1-SENIOR SMBC", "5030864169.75", "250000000.00");
        assertLender(lenders, "P2-SENIOR CITI", "5777777777.78", "311111111.11");
        assertLender(lenders, "P2-SENIOR JPM", "4539682539.67", "244444444.44");
        assertLender(lenders, "P2-SENIOR MUFG", "4126984126.98", "222222222.22");
        assertThat(lenders).hasSize(8);

        // The aggregate agrees on each tranche's outstanding.
        for (String[] outstanding : new String[][]{{"P1-SENIOR", "19,123,456,678.99"}, {"P1-MEZZ", "3,456,790,112.34"},
                {"P2-SENIOR", "13,666,666,666.66"}}) {
            BigDecimal oneCentMore = d(outstanding[1].replace(",", "")).add(d("0.01"));
            assertThatThrownBy(() -> send(new RepayTranche(P, new TrancheId(outstanding[0]), new RepaymentId("PROBE"),
                    oneCentMore, "USD", day("2025-12-31"))))
                    .isInstanceOf(LedgerRejection.class)
                    .hasMessageEndingWith("exceeds its outstanding " + outstanding[1] + " USD");
        }
    }

    @Test
    void accruedInterestAndCommitmentFeesMatchTheIndependentDayByDayComputation() {
        replayTheHistory();
        List<Object> events = ledger.events();

        assertThat(accrued(events, "P1-SENIOR")).containsExactly(d("753943217.13"), d("86927469.30"));
        assertThat(accrued(events, "P1-MEZZ")).containsExactly(d("170557200.64"), d("44649177.02"));
        assertThat(accrued(events, "P2-SENIOR")).containsExactly(d("428344907.41"), d("65384259.26"));
    }

    // ------------------------------------------------------------------------------------------- reading the events

    private static Money usd(String amount) {
        return new Money(d(amount), new CurrencyCode("USD"));
    }

    private static void assertInvestor(Map<String, BigDecimal[]> investors, String id, String committed, String called,
                                       String defaulted) {
        BigDecimal[] figures = investors.get(id);
        assertThat(figures[0]).as(id + " committed").isEqualByComparingTo(committed);
        assertThat(figures[1]).as(id + " called").isEqualByComparingTo(called);
        assertThat(figures[2]).as(id + " defaulted").isEqualByComparingTo(defaulted);
    }

    private static void assertLender(Map<String, BigDecimal[]> lenders, String id, String drawn, String repaid) {
        BigDecimal[] figures = lenders.get(id);
        assertThat(figures[0]).as(id + " drawn").isEqualByComparingTo(drawn);
        assertThat(figures[1]).as(id + " repaid").isEqualByComparingTo(repaid);
    }

    /** committed, called, defaulted per investor, summed from the events the ledger stored. */
    private static Map<String, BigDecimal[]> investorTotals(List<Object> events) {
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        for (Object event : events) {
            if (event instanceof EquityCommitted e) {
                totals.put(e.investorId().value(), new BigDecimal[]{e.amount().amount(), BigDecimal.ZERO, BigDecimal.ZERO});
            } else if (event instanceof CommitmentIncreased e) {
                add(totals, e.investorId(), 0, e.amount().amount());
            } else if (event instanceof CommitmentReduced e) {
                add(totals, e.investorId(), 0, e.amount().amount().negate());
            } else if (event instanceof CommitmentTransferred e) {
                add(totals, e.fromInvestorId(), 0, e.amount().amount().negate());
                add(totals, e.toInvestorId(), 0, e.amount().amount());
            } else if (event instanceof CapitalCalled e) {
                e.allocations().forEach(a -> add(totals, a.investorId(), 1, a.amount().amount()));
            } else if (event instanceof CallDefaultRecorded e) {
                add(totals, e.investorId(), 2, e.amount().amount());
            } else if (event instanceof CallDefaultCured e) {
                add(totals, e.investorId(), 2, e.amount().amount().negate());
            }
        }
        return totals;
    }

    private static void add(Map<String, BigDecimal[]> totals, InvestorId id, int figure, BigDecimal amount) {
        totals.get(id.value())[figure] = totals.get(id.value())[figure].add(amount);
    }

    /** drawn, repaid per "tranche lender", summed from the lender splits of the stored draws and repayments. */
    private static Map<String, BigDecimal[]> lenderTotals(List<Object> events) {
        Map<String, BigDecimal[]> totals = new TreeMap<>();
        for (Object event : events) {
            if (event instanceof TrancheDrawn e) {
                tally(totals, e.trancheId(), e.lenderShares(), 0);
            } else if (event instanceof TrancheRepaid e) {
                tally(totals, e.trancheId(), e.lenderShares(), 1);
            }
        }
        return totals;
    }

    private static void tally(Map<String, BigDecimal[]> totals, TrancheId tranche, List<LenderShare> shares, int figure) {
        for (LenderShare share : shares) {
            BigDecimal[] figures = totals.computeIfAbsent(tranche + " " + share.lenderId(),
                    key -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            figures[figure] = figures[figure].add(share.amount().amount());
        }
    }

    /** [interest, commitment fee] accrued from creation through {@link #AS_OF}, from the stored events alone. */
    private static List<BigDecimal> accrued(List<Object> events, String trancheId) {
        BaseRateHistory rates = new BaseRateHistory();
        TrancheCreated created = null;
        Map<LocalDate, BigDecimal> principal = new HashMap<>();
        Map<LocalDate, BigDecimal> drawn = new HashMap<>();
        Map<LocalDate, BigDecimal> margins = new HashMap<>();
        for (Object event : events) {
            if (event instanceof BaseRateFixed e) {
                rates.apply(e);
            } else if (event instanceof TrancheCreated e && e.trancheId().value().equals(trancheId)) {
                created = e;
                margins.put(e.effectiveDate(), e.marginPct().percent());
            } else if (event instanceof TrancheRepriced e && e.trancheId().value().equals(trancheId)) {
                margins.put(e.effectiveDate(), e.newMarginPct().percent());
            } else if (event instanceof TrancheDrawn e && e.trancheId().value().equals(trancheId)) {
                principal.merge(e.effectiveDate(), e.amount().amount(), BigDecimal::add);
                drawn.merge(e.effectiveDate(), e.amount().amount(), BigDecimal::add);
            } else if (event instanceof TrancheRepaid e && e.trancheId().value().equals(trancheId)) {
                principal.merge(e.effectiveDate(), e.amount().amount().negate(), BigDecimal::add);
            }
        }
        assertThat(created).as(trancheId).isNotNull();
        DailySteps allIn = rates.steps(created.baseRate()).plus(DailySteps.of(margins));
        BigDecimal interest = Act360.accrued(DailySteps.cumulative(principal), allIn, created.effectiveDate(), AS_OF);
        DailySteps undrawn = DailySteps.constant(created.commitment().amount()).minus(DailySteps.cumulative(drawn));
        LocalDate feeEnd = AS_OF.isBefore(created.availabilityEnd()) ? AS_OF : created.availabilityEnd();
        BigDecimal fee = Act360.accrued(undrawn, DailySteps.constant(created.commitmentFeePct().percent()),
                created.effectiveDate(), feeEnd);
        return List.of(interest, fee);
    }
}
