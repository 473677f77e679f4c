package com.capitalledger.api.config;

import com.capitalledger.core.cashflow.api.ProposedInstallment;
import com.capitalledger.core.cashflow.api.RecordOperatingCashFlow;
import com.capitalledger.core.cashflow.api.RunWaterfall;
import com.capitalledger.core.cashflow.api.SetOperatingTerms;
import com.capitalledger.core.cashflow.api.SetRepaymentSchedule;
import com.capitalledger.core.cashflow.api.WaiveEventOfDefault;
import com.capitalledger.core.debt.api.CreateTranche;
import com.capitalledger.core.debt.api.DrawId;
import com.capitalledger.core.debt.api.DrawTranche;
import com.capitalledger.core.debt.api.LenderCommitment;
import com.capitalledger.core.debt.api.LenderId;
import com.capitalledger.core.debt.api.RepriceTranche;
import com.capitalledger.core.debt.api.Seniority;
import com.capitalledger.core.debt.api.TrancheId;
import com.capitalledger.core.equity.api.CallCapital;
import com.capitalledger.core.equity.api.CallId;
import com.capitalledger.core.equity.api.CommitEquity;
import com.capitalledger.core.equity.api.InvestorId;
import com.capitalledger.core.program.ProgramDecider;
import com.capitalledger.core.program.ProgramState;
import com.capitalledger.core.program.api.CreatePhase;
import com.capitalledger.core.program.api.CreateProgram;
import com.capitalledger.core.rates.BaseRateHistory;
import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.PhaseId;
import com.capitalledger.core.shared.ProgramCommand;
import com.capitalledger.core.shared.ProgramId;
import com.capitalledger.core.shared.Rate;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A program's snapshot serializes its state with the stored events' serializer: a state that has operated (terms, a
 * schedule, cash flows, waterfalls that paid, distributed and opened an event of default, a waiver, a repricing)
 * comes back field for field, so a snapshot never has to be skipped for its content.
 */
class ProgramStateSnapshotTest {

    private static final ProgramId P = new ProgramId("P");
    private static final PhaseId PH = new PhaseId("PH");
    private static final TrancheId SEN = new TrancheId("SEN");

    private final Serializer serializer = new AxonStorageConfiguration().serializer(new AnnotationRevisionResolver());
    private final ProgramState state = ProgramState.none();
    private final BaseRateHistory fixings = new BaseRateHistory()
            .fix(new BaseRateName("SOFR"), LocalDate.of(2026, 12, 1), new Rate(new BigDecimal("3.60000")));

    private void accept(ProgramCommand command) {
        state.evolve(ProgramDecider.decide(state, command, fixings));
    }

    private static BigDecimal d(String amount) {
        return new BigDecimal(amount);
    }

    @Test
    void anOperatedProgramsStateComesBackFieldForField() {
        LocalDate dec1 = LocalDate.of(2026, 12, 1);
        LocalDate jan1 = LocalDate.of(2027, 1, 1);
        accept(new CreateProgram(P, "P", "USD", d("10000000.00"), d("90"), dec1));
        accept(new CreatePhase(P, PH, "PH", d("10000000.00"), "USD", dec1));
        accept(new CommitEquity(P, new InvestorId("A"), "A", d("2000000.00"), "USD", dec1));
        accept(new CallCapital(P, new CallId("C1"), PH, d("1000000.00"), "USD", "works", dec1));
        accept(new CreateTranche(P, SEN, PH, "Senior", Seniority.SENIOR, d("3000000.00"), "USD", "SOFR", d("1.0000"),
                d("0.2500"), LocalDate.of(2027, 6, 30), List.of(new LenderCommitment(new LenderId("L1"), "L1",
                d("3000000.00"))), dec1));
        accept(new DrawTranche(P, SEN, new DrawId("D1"), d("2000000.00"), "USD", jan1));
        accept(new RepriceTranche(P, SEN, d("1.2500"), dec1));
        accept(new SetOperatingTerms(P, jan1, 3, d("1.2"), d("1.05"), 2, jan1));
        accept(new SetRepaymentSchedule(P, SEN, List.of(new ProposedInstallment(LocalDate.of(2027, 4, 1), d("25")),
                new ProposedInstallment(LocalDate.of(2027, 7, 1), d("75"))), jan1));
        accept(new RecordOperatingCashFlow(P, LocalDate.of(2027, 3, 31), d("3000000.00"), d("100000.00"), d("0.00"),
                d("0.00"), "USD"));
        accept(new RunWaterfall(P, LocalDate.of(2027, 3, 31)));
        accept(new RecordOperatingCashFlow(P, LocalDate.of(2027, 6, 30), d("0.00"), d("1000000.00"), d("0.00"),
                d("0.00"), "USD"));
        accept(new RunWaterfall(P, LocalDate.of(2027, 6, 30)));
        assertThat(state.cashFlows().eventsOfDefault()).isNotEmpty();
        accept(new WaiveEventOfDefault(P, state.cashFlows().eventsOfDefault().firstKey(), "consent",
                LocalDate.of(2027, 7, 2)));
        assertThat(state.cashFlows().distributed()).isNotEmpty();

        SerializedObject<byte[]> stored = serializer.serialize(state, byte[].class);
        ProgramState restored = serializer.deserialize(stored);

        assertThat(restored).usingRecursiveComparison().isEqualTo(state);
    }
}
