package com.capitalledger.api.support;

import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.RepayTranche;
import com.capitalledger.core.debt.api.RepaymentId;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.CureCallDefault;
import com.capitalledger.core.equity.api.IncreaseCommitment;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.equity.api.RecordCallDefault;
import com.capitalledger.core.equity.api.TransferCommitment;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.api.RecordBaseRateFixing;
import com.capitalledger.core.shared.LedgerRejection;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/**
 * A long, seeded, realistic program history posted through the service's command gateway (the live decision path):
 * calls, draws, repayments, repricings, commitment increases and transfers, defaults and cures, and fixings of its
 * own base rate, in effective-date order. Commands the ledger refuses (an amount too large for the moment) are part
 * of the history too: they are simply not recorded.
 */
public final class GeneratedProgram {

    private static final List<String> INVESTORS = List.of("ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO");
    private static final List<String> TRANCHES = List.of("SENIOR", "MEZZ");

    private final CommandGateway commands;
    private final Random random;
    private final ProgramId program;
    private final String baseRate;
    private LocalDate day = LocalDate.of(2024, 1, 2);
    private int recorded;
    private int serial;

    private GeneratedProgram(CommandGateway commands, long seed, String programId, String baseRate) {
        this.commands = commands;
        this.random = new Random(seed);
        this.program = new ProgramId(programId);
        this.baseRate = baseRate;
    }

    /** Posts commands until the program has recorded {@code events} events (its base rate's fixings not counted). */
    public static void post(CommandGateway commands, long seed, String programId, String baseRate, int events) {
        new GeneratedProgram(commands, seed, programId, baseRate).post(events);
    }

    private void post(int events) {
        send(new RecordBaseRateFixing(baseRate, rate(), day), false);
        send(new CreateProgram(program, "Generated " + program, "USD", usd(900_000_000_000L), new BigDecimal("85"), day),
                true);
        send(new CreatePhase(program, new PhaseId("PH1"), "Phase one", usd(800_000_000_000L), "USD", day), true);
        for (String investor : INVESTORS) {
            send(new CommitEquity(program, new InvestorId(investor), investor,
                    usd(20_000_000_000L + random.nextInt(30) * 1_000_000_000L), "USD", day), true);
        }
        for (String tranche : TRANCHES) {
            send(new CreateTranche(program, new TrancheId(tranche), new PhaseId("PH1"), tranche,
                    tranche.equals("SENIOR") ? Seniority.SENIOR : Seniority.MEZZANINE, usd(300_000_000_000L), "USD",
                    baseRate, new BigDecimal("2.2500"), new BigDecimal("0.3500"), day.plusYears(6),
                    List.of(new LenderCommitment(new LenderId("L1"), "L1", new BigDecimal("100000000000.00")),
                            new LenderCommitment(new LenderId("L2"), "L2", new BigDecimal("130000000000.00")),
                            new LenderCommitment(new LenderId("L3"), "L3", new BigDecimal("70000000000.00"))), day), true);
        }
        for (int attempts = 0; recorded < events; attempts++) {
            if (attempts > events * 5) {
                throw new IllegalStateException("the generator stalled at " + recorded + " events");
            }
            day = day.plusDays(random.nextInt(3));
            String investor = INVESTORS.get(random.nextInt(INVESTORS.size()));
            TrancheId tranche = new TrancheId(TRANCHES.get(random.nextInt(TRANCHES.size())));
            int kind = random.nextInt(100);
            if (kind < 30) {
                send(new CallCapital(program, new CallId("C" + ++serial), new PhaseId("PH1"), cents(50_000_000_00L),
                        "USD", "works", day), true);
            } else if (kind < 55) {
                send(new DrawTranche(program, tranche, new DrawId("D" + ++serial), cents(200_000_000_00L), "USD", day),
                        true);
            } else if (kind < 67) {
                send(new RepayTranche(program, tranche, new RepaymentId("R" + ++serial), cents(50_000_000_00L), "USD",
                        day), true);
            } else if (kind < 72) {
                send(new RepriceTranche(program, tranche, BigDecimal.valueOf(15_000 + random.nextInt(20_000), 4), day),
                        true);
            } else if (kind < 77) {
                send(new IncreaseCommitment(program, new InvestorId(investor), cents(1_000_000_000_00L), "USD", day),
                        true);
            } else if (kind < 81) {
                String to = INVESTORS.get(random.nextInt(INVESTORS.size()));
                send(new TransferCommitment(program, new InvestorId(investor), new InvestorId(to),
                        cents(500_000_000_00L), "USD", day), true);
            } else if (kind < 87) {
                send(new RecordCallDefault(program, new CallId("C" + (1 + random.nextInt(Math.max(serial, 1)))),
                        new InvestorId(investor), day), true);
            } else if (kind < 94) {
                send(new CureCallDefault(program, new CallId("C" + (1 + random.nextInt(Math.max(serial, 1)))),
                        new InvestorId(investor), day), true);
            } else {
                send(new RecordBaseRateFixing(baseRate, rate(), day), false);
            }
        }
    }

    private void send(Object command, boolean counts) {
        try {
            commands.sendAndWait(command);
            if (counts) {
                recorded++;
            }
        } catch (LedgerRejection refused) {
            // Refused as the live ledger refuses it: nothing recorded, the history goes on.
        }
    }

    private BigDecimal rate() {
        return BigDecimal.valueOf(380_000 + random.nextInt(90_000), 5);
    }

    /** Up to {@code maxCents} (at least one dollar), with cents that do not divide evenly. */
    private BigDecimal cents(long maxCents) {
        return BigDecimal.valueOf(100 + random.nextLong(maxCents), 2);
    }

    private static BigDecimal usd(long dollars) {
        return BigDecimal.valueOf(dollars * 100, 2);
    }
}
