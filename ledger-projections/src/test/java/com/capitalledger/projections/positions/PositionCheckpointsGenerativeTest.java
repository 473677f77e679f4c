package com.capitalledger.projections.positions;

import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.projections.fold.Bitemporal;
import com.capitalledger.projections.fold.Fact;
import com.capitalledger.projections.fold.checkpoint.Foldings;
import com.capitalledger.projections.fold.checkpoint.Versioned;
import com.capitalledger.projections.fold.debt.DebtMovement;
import com.capitalledger.projections.fold.debt.FixingRow;
import com.capitalledger.projections.fold.debt.TranchePositions;
import com.capitalledger.projections.fold.equity.EquityMovement;
import com.capitalledger.projections.fold.equity.InvestorPositions;
import com.capitalledger.projections.fold.program.PhaseMovement;
import com.capitalledger.projections.fold.program.PhasePositions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkpoint plus tail against the full fold, on seeded random histories: facts back-dated (and some forward-dated),
 * recording instants that now and then go back (nodes' clocks) or repeat, several lines per event, a second tranche
 * opened late. Facts arrive in batches; after each, queries at random dates and instants (past ones included) fold
 * through {@link PositionCheckpoints} (making and using checkpoints as a node does) and from every fact, and every
 * figure must be equal, scale included. Rebuilds rewrite every row (new versions; sometimes new amounts, as a fixed
 * mapping would) between batches, and a small budget evicts. A longer hunt: {@code -Dledger.generative.cases=500}.
 */
class PositionCheckpointsGenerativeTest {

    private static final CurrencyCode USD = new CurrencyCode("USD");
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final Instant RECORDED = Instant.parse("2024-01-01T09:00:00Z");
    private static final String PROGRAM = "P1";
    private static final int EVERY = PositionCheckpoints.EVERY;

    /** An in-memory table: rows in stream order, each with the version of its last writing. */
    private static final class Table<F extends Fact> {
        private final List<Versioned<F>> rows = new ArrayList<>();
        private final Function<F, LocalDate> effective;
        private final Function<F, Instant> recorded;

        Table(Function<F, LocalDate> effective, Function<F, Instant> recorded) {
            this.effective = effective;
            this.recorded = recorded;
        }

        List<Versioned<F>> from(String programId, long fromIndex, long toIndex, Bitemporal at) {
            return rows.stream().filter(r -> r.fact().globalIndex() >= fromIndex && r.fact().globalIndex() <= toIndex)
                    .filter(r -> at == null || at.includes(effective.apply(r.fact()), recorded.apply(r.fact())))
                    .toList();
        }

        List<F> facts(Bitemporal at) {
            return from(PROGRAM, Long.MIN_VALUE, Long.MAX_VALUE, at).stream().map(Versioned::fact).toList();
        }
    }

    @Test
    void aCheckpointAndTheFactsAfterItFoldAsEveryFactDoes() {
        int cases = Integer.getInteger("ledger.generative.cases", 20);
        int queries = 0;
        int fromCheckpoint = 0;
        for (long seed = 1; seed <= cases; seed++) {
            int[] counted = history(seed);
            queries += counted[0];
            fromCheckpoint += counted[1];
        }
        System.out.printf("checkpoints: %d cases, %d queries, %d of them after a checkpoint%n", cases, queries,
                fromCheckpoint);
        assertThat(fromCheckpoint).as("queries that started from a checkpoint").isGreaterThan(queries / 4);
    }

    /** @return queries, and those that started from a checkpoint */
    private int[] history(long seed) {
        Random random = new Random(seed);
        Table<EquityMovement> equity = new Table<>(EquityMovement::effectiveDate, EquityMovement::recordedAt);
        Table<DebtMovement> debt = new Table<>(DebtMovement::effectiveDate, DebtMovement::recordedAt);
        Table<PhaseMovement> phases = new Table<>(PhaseMovement::effectiveDate, PhaseMovement::recordedAt);
        List<FixingRow> fixings = new ArrayList<>();
        for (int day = 0; day < 400; day++) {
            fixings.add(new FixingRow(100_000 + day, "SOFR", BigDecimal.valueOf(420_000 + random.nextInt(30_000), 5),
                    START.plusDays(day), RECORDED));
        }
        // Small budgets evict checkpoints; some cases hardly keep any.
        PositionCheckpoints checkpoints = new PositionCheckpoints(random.nextBoolean() ? 1_000_000 : 2_000);
        Generator generator = new Generator(random, equity, debt, phases);
        int queries = 0;
        int fromCheckpoint = 0;
        int batches = 4 + random.nextInt(5);
        for (int batch = 0; batch < batches; batch++) {
            generator.events(200 + random.nextInt(900));
            if (random.nextInt(4) == 0) {
                generator.rebuild(random.nextBoolean());
            }
            for (int q = 0; q < 25; q++) {
                Bitemporal at = new Bitemporal(START.plusDays(random.nextInt(generator.day + 40) - 10),
                        random.nextInt(3) == 0 ? generator.recordedAt.minusSeconds(random.nextInt(2_000_000))
                                : generator.recordedAt.plusSeconds(60));
                long started = checkpoints.started();
                assertSame(checkpoints, equity, debt, phases, fixings, at, seed);
                queries++;
                if (checkpoints.started() > started) {
                    fromCheckpoint++;
                }
            }
        }
        return new int[]{queries, fromCheckpoint};
    }

    private static void assertSame(PositionCheckpoints checkpoints, Table<EquityMovement> equity,
                                   Table<DebtMovement> debt, Table<PhaseMovement> phases, List<FixingRow> fixings,
                                   Bitemporal at, long seed) {
        Function<List<String>, List<FixingRow>> fixingsOf = rates -> fixings.stream()
                .filter(f -> rates.contains(f.rateName()) && at.includes(f.effectiveDate(), f.recordedAt())).toList();

        InvestorPositions investors = checkpoints.fold("equity_movement", equity::from, Foldings.investors(USD),
                PROGRAM, at);
        TranchePositions tranches = checkpoints.fold("debt_movement", debt::from, Foldings.tranches(USD), PROGRAM,
                at).withFixings(fixingsOf);
        PhasePositions phasePositions = checkpoints.fold("phase_movement", phases::from, Foldings.phases(USD),
                PROGRAM, at);

        InvestorPositions allInvestors = new InvestorPositions(USD).applyAll(equity.facts(at));
        TranchePositions allTranches = TranchePositions.of(USD, debt.facts(at), fixingsOf);
        PhasePositions allPhases = new PhasePositions(USD).applyAll(phases.facts(at));

        String where = "seed " + seed + " at " + at;
        assertThat(investors.positions()).as(where).isEqualTo(allInvestors.positions());
        assertThat(investors.totals()).as(where).isEqualTo(allInvestors.totals());
        assertThat(tranches.positions(at.asOf())).as(where).isEqualTo(allTranches.positions(at.asOf()));
        assertThat(tranches.outstandingOn("T1", at.asOf().minusDays(30)))
                .as(where).isEqualTo(allTranches.outstandingOn("T1", at.asOf().minusDays(30)));
        assertThat(phasePositions.positions()).as(where).isEqualTo(allPhases.positions());
    }

    /** Events of one program as the three tables get them, back-dated now and then. */
    private static final class Generator {
        private final Random random;
        private final Table<EquityMovement> equity;
        private final Table<DebtMovement> debt;
        private final Table<PhaseMovement> phases;
        private long globalIndex = 1;
        private long version = 1;
        private int day;
        private Instant recordedAt = RECORDED;
        private int calls;
        private String openDefault;
        private LocalDate firstCallOn;
        private Instant firstCallRecorded;
        private boolean secondTranche;
        private LocalDate secondOpenedOn;
        private Instant secondOpenedAt;

        Generator(Random random, Table<EquityMovement> equity, Table<DebtMovement> debt,
                  Table<PhaseMovement> phases) {
            this.random = random;
            this.equity = equity;
            this.debt = debt;
            this.phases = phases;
            open();
        }

        private void open() {
            long index = globalIndex++;
            phases.rows.add(row(new PhaseMovement(index, PROGRAM, PhaseMovement.Kind.PHASE_CREATED, "PH1", null,
                    "Phase one", money(9_000_000_000_000L), START, recordedAt)));
            List<String> investors = List.of("A", "B", "C");
            for (int line = 0; line < investors.size(); line++) {
                equity.rows.add(row(new EquityMovement(index, line, PROGRAM, investors.get(line),
                        EquityMovement.Kind.COMMITTED, "Investor " + investors.get(line), null,
                        money(1_000_000_000_000L), money(0), money(0), START, recordedAt)));
            }
            tranche(globalIndex++, "T1", START);
            // A first draw on the first day, so that no repayment ever exceeds what was drawn.
            long draw = globalIndex++;
            for (int line = 0; line < 2; line++) {
                debt.rows.add(row(new DebtMovement.Drawn(draw, line, PROGRAM, "T1", "L" + line,
                        money(100_000_000_00L), START, recordedAt)));
            }
        }

        private void tranche(long index, String id, LocalDate on) {
            debt.rows.add(row(new DebtMovement.TrancheOpened(index, 0, PROGRAM, id, "Tranche " + id, "PH1", "SENIOR",
                    "SOFR", new BigDecimal("2.2500"), new BigDecimal("0.3500"), money(1_000_000_000_000L),
                    START.plusDays(700), on, recordedAt)));
            for (int line = 1; line <= 2; line++) {
                debt.rows.add(row(new DebtMovement.LenderCommitted(index, line, PROGRAM, id, "L" + (line - 1),
                        "Lender " + line, money(500_000_000_000L), on, recordedAt)));
            }
            phases.rows.add(row(new PhaseMovement(index, PROGRAM, PhaseMovement.Kind.TRANCHE_OPENED, "PH1", id,
                    null, null, on, recordedAt)));
        }

        void events(int count) {
            for (int n = 0; n < count; n++) {
                if (random.nextInt(3) == 0) {
                    day++;
                }
                // Recorded later, now and then at the same millisecond or a little earlier (another node's clock).
                int clock = random.nextInt(20);
                recordedAt = clock == 0 ? recordedAt : clock == 1 ? recordedAt.minusMillis(1 + random.nextInt(500))
                        : recordedAt.plusSeconds(1 + random.nextInt(3_000));
                LocalDate effective = effective();
                long index = globalIndex++;
                int kind = random.nextInt(100);
                if (kind < 30) {
                    call(index, effective);
                } else if (kind < 33) {
                    equity.rows.add(row(new EquityMovement(index, 0, PROGRAM, "B", EquityMovement.Kind.INCREASED,
                            null, null, money(1_000 + random.nextInt(100_000)), money(0), money(0), effective,
                            recordedAt)));
                } else if (kind < 36) {
                    equity.rows.add(row(new EquityMovement(index, 0, PROGRAM, "C", EquityMovement.Kind.REDUCED,
                            null, null, money(-(1 + random.nextInt(1_000))), money(0), money(0), effective,
                            recordedAt)));
                } else if (kind < 39 && calls > 0) {
                    defaultOrCure(index);
                } else if (kind < 70) {
                    String tranche = secondTranche && random.nextBoolean() ? "T2" : "T1";
                    if (tranche.equals("T2")) {
                        // Never before the tranche opened, in either time: the phase's draw needs its tranche.
                        effective = effective.isBefore(secondOpenedOn) ? secondOpenedOn : effective;
                        recordedAt = recordedAt.isAfter(secondOpenedAt) ? recordedAt : secondOpenedAt.plusMillis(1);
                    }
                    for (int line = 0; line < 2; line++) {
                        debt.rows.add(row(new DebtMovement.Drawn(index, line, PROGRAM, tranche, "L" + line,
                                money(1 + random.nextInt(10_000_000)), effective, recordedAt)));
                    }
                    phases.rows.add(row(new PhaseMovement(index, PROGRAM, PhaseMovement.Kind.DEBT_DRAWN, null,
                            tranche, null, money(2 + random.nextInt(10_000_000)), effective, recordedAt)));
                } else if (kind < 88) {
                    debt.rows.add(row(new DebtMovement.Repaid(index, random.nextInt(2), PROGRAM, "T1",
                            "L" + random.nextInt(2), money(1 + random.nextInt(10_000)), effective, recordedAt)));
                } else if (kind < 97) {
                    debt.rows.add(row(new DebtMovement.Repriced(index, 0, PROGRAM, "T1",
                            BigDecimal.valueOf(20_000 + random.nextInt(10_000), 4), effective, recordedAt)));
                } else if (!secondTranche) {
                    secondTranche = true;
                    secondOpenedOn = effective;
                    secondOpenedAt = recordedAt;
                    tranche(index, "T2", effective);
                }
            }
        }

        /** Mostly the day's; a fifth back-dated by up to 200 days; a few forward-dated. */
        private LocalDate effective() {
            int pick = random.nextInt(100);
            if (pick < 20) {
                return START.plusDays(Math.max(1, day - random.nextInt(200)));
            }
            if (pick < 23) {
                return START.plusDays(day + random.nextInt(60));
            }
            return START.plusDays(Math.max(1, day));
        }

        private void call(long index, LocalDate effective) {
            if (calls++ == 0) {
                firstCallOn = effective;
                firstCallRecorded = recordedAt;
            }
            List<String> investors = List.of("A", "B", "C");
            for (int line = 0; line < investors.size(); line++) {
                equity.rows.add(row(new EquityMovement(index, line, PROGRAM, investors.get(line),
                        EquityMovement.Kind.CALLED, null, "C" + calls, money(0),
                        money(1_000 + random.nextInt(1_000_000)), money(0), effective, recordedAt)));
            }
            phases.rows.add(row(new PhaseMovement(index, PROGRAM, PhaseMovement.Kind.EQUITY_CALLED, "PH1", null, null,
                    money(3_000 + random.nextInt(3_000_000)), effective, recordedAt)));
        }

        /**
         * A default of 1.00 on the first call, effective with it and recorded after it; its cure recorded after the
         * default: so no fold of any date and instant ever goes below zero.
         */
        private void defaultOrCure(long index) {
            if (openDefault == null) {
                openDefault = "C1";
                recordedAt = (recordedAt.isAfter(firstCallRecorded) ? recordedAt : firstCallRecorded).plusMillis(1);
                equity.rows.add(row(new EquityMovement(index, 0, PROGRAM, "A", EquityMovement.Kind.DEFAULTED, null,
                        openDefault, money(0), money(0), money(100), firstCallOn, recordedAt)));
            } else {
                recordedAt = recordedAt.plusSeconds(1);
                equity.rows.add(row(new EquityMovement(index, 0, PROGRAM, "A", EquityMovement.Kind.CURED, null,
                        openDefault, money(0), money(0), money(-100), firstCallOn, recordedAt)));
                openDefault = null;
            }
        }

        /** Every row written again, with a new version; with {@code changed}, the draws' amounts differ too. */
        void rebuild(boolean changed) {
            version++;
            rewrite(equity.rows, f -> f);
            rewrite(phases.rows, f -> f);
            rewrite(debt.rows, f -> changed && f instanceof DebtMovement.Drawn d && d.globalIndex() > 3
                    ? new DebtMovement.Drawn(d.globalIndex(), d.line(), d.programId(), d.trancheId(), d.lenderId(),
                    d.amount().add(BigDecimal.ONE), d.effectiveDate(), d.recordedAt()) : f);
        }

        private <F extends Fact> void rewrite(List<Versioned<F>> rows, Function<F, F> mapping) {
            rows.replaceAll(r -> new Versioned<>(mapping.apply(r.fact()), version));
        }

        private <F extends Fact> Versioned<F> row(F fact) {
            return new Versioned<>(fact, version);
        }

        private static BigDecimal money(long cents) {
            return BigDecimal.valueOf(cents, 2);
        }
    }
}
