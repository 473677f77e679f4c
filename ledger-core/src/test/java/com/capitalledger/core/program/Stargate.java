package com.capitalledger.core.program;

import com.capitalledger.core.debt.api.Lender;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.LenderShare;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheCreated;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.Allocation;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CapitalCalled;
import com.capitalledger.core.equity.api.EquityCommitted;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.api.PhaseCreated;
import com.capitalledger.core.program.api.ProgramCreated;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateFixed;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.CurrencyCode;
import com.capitalledger.core.shared.Money;
import com.capitalledger.core.shared.Percentage;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.Rate;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Test vocabulary: the Stargate program's ids, dates and the events that set the scene. */
final class Stargate {

    static final ProgramId PROGRAM = new ProgramId("STARGATE");
    static final CurrencyCode USD = new CurrencyCode("USD");
    static final LocalDate LAUNCH = LocalDate.of(2025, 1, 21);
    static final LocalDate FEB_1 = LocalDate.of(2025, 2, 1);
    static final PhaseId ABILENE = new PhaseId("ABILENE");
    static final PhaseId MILAM = new PhaseId("MILAM");
    static final InvestorId SOFTBANK = new InvestorId("SOFTBANK");
    static final InvestorId OPENAI = new InvestorId("OPENAI");
    static final InvestorId ORACLE = new InvestorId("ORACLE");
    static final InvestorId MGX = new InvestorId("MGX");
    static final TrancheId SENIOR = new TrancheId("P1-SENIOR");
    static final BaseRateName SOFR = new BaseRateName("SOFR");
    static final LenderId JPM = new LenderId("JPM");
    static final LenderId MUFG = new LenderId("MUFG");
    static final LenderId SMBC = new LenderId("SMBC");

    private Stargate() {
    }

    static BigDecimal d(String amount) {
        return new BigDecimal(amount);
    }

    static Money usd(String amount) {
        return new Money(d(amount), USD);
    }

    static AggregateTestFixture<Program> fixture(BaseRateHistory fixings) {
        AggregateTestFixture<Program> fixture = new AggregateTestFixture<>(Program.class);
        fixture.registerCommandHandlerInterceptor(new NoProgramInterceptor());
        fixture.registerInjectableResource(fixings);
        return fixture;
    }

    static BaseRateHistory sofrFrom(LocalDate day, String pct) {
        return new BaseRateHistory().apply(new BaseRateFixed(SOFR, new Rate(d(pct)), day));
    }

    static ProgramCreated programCreated() {
        return new ProgramCreated(PROGRAM, "Stargate", USD, usd("500000000000.00"), new Percentage(d("90")), LAUNCH);
    }

    static PhaseCreated phaseCreated(PhaseId phase, String budget) {
        return new PhaseCreated(PROGRAM, phase, phase.value(), usd(budget), LAUNCH);
    }

    static EquityCommitted committed(InvestorId investor, String amount) {
        return new EquityCommitted(PROGRAM, investor, investor.value(), usd(amount), LAUNCH);
    }

    /** Program, the Abilene phase ($100B) and the four equity partners (SoftBank and OpenAI $19B, Oracle $7B, MGX $5B). */
    static List<Object> equityPartners() {
        return List.of(programCreated(), phaseCreated(ABILENE, "100000000000.00"),
                committed(SOFTBANK, "19000000000.00"), committed(OPENAI, "19000000000.00"),
                committed(ORACLE, "7000000000.00"), committed(MGX, "5000000000.00"));
    }

    static CapitalCalled called(String callId, PhaseId phase, LocalDate day, Object... investorAndAmount) {
        List<Allocation> allocations = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < investorAndAmount.length; i += 2) {
            allocations.add(new Allocation((InvestorId) investorAndAmount[i], usd((String) investorAndAmount[i + 1])));
            total = total.add(d((String) investorAndAmount[i + 1]));
        }
        return new CapitalCalled(PROGRAM, new CallId(callId), phase, new Money(total, USD), "construction", allocations,
                day);
    }

    static List<LenderCommitment> seniorSyndicate() {
        return List.of(new LenderCommitment(SMBC, "SMBC", d("10000000000.00")),
                new LenderCommitment(JPM, "JPMorgan", d("30000000000.00")),
                new LenderCommitment(MUFG, "MUFG", d("20000000000.00")));
    }

    /** The $60B senior tranche on Abilene: SOFR + 2.25%, 0.35% commitment fee, available to the end of 2027. */
    static TrancheCreated seniorCreated() {
        return new TrancheCreated(PROGRAM, SENIOR, ABILENE, "Abilene senior", Seniority.SENIOR, usd("60000000000.00"),
                SOFR, new Rate(d("2.2500")), new Rate(d("0.3500")), LocalDate.of(2027, 12, 31),
                List.of(new Lender(JPM, "JPMorgan", usd("30000000000.00")), new Lender(MUFG, "MUFG", usd("20000000000.00")),
                        new Lender(SMBC, "SMBC", usd("10000000000.00"))),
                FEB_1);
    }

    static List<LenderShare> shares(Object... lenderAndAmount) {
        List<LenderShare> shares = new ArrayList<>();
        for (int i = 0; i < lenderAndAmount.length; i += 2) {
            shares.add(new LenderShare((LenderId) lenderAndAmount[i], usd((String) lenderAndAmount[i + 1])));
        }
        return shares;
    }

    static List<Object> plus(List<Object> history, Object... more) {
        List<Object> all = new ArrayList<>(history);
        all.addAll(List.of(more));
        return all;
    }
}
