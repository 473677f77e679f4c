package com.capitalledger.projections.fold.debt;

import com.capitalledger.projections.fold.Fact;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact about a tranche, as stored in {@code debt_movement}, one record per kind: each carries the columns its kind
 * fills, the table's other columns stay null. {@code line} numbers the movements of one event (a tranche's creation
 * commits every lender, a draw moves every lender's share).
 */
public sealed interface DebtMovement extends Fact {

    String programId();

    String trancheId();

    LocalDate effectiveDate();

    Instant recordedAt();

    /** The value of the table's {@code kind} column. */
    Kind kind();

    enum Kind { TRANCHE_CREATED, LENDER_COMMITTED, DRAWN, REPAID, REPRICED }

    /** A tranche opened on a phase with its terms: the margin and commitment fee in percent per year. */
    record TrancheOpened(long globalIndex, int line, String programId, String trancheId, String name, String phaseId,
                         String seniority, String baseRate, BigDecimal marginPct, BigDecimal feePct,
                         BigDecimal commitment, LocalDate availabilityEnd, LocalDate effectiveDate,
                         Instant recordedAt) implements DebtMovement {
        @Override
        public Kind kind() {
            return Kind.TRANCHE_CREATED;
        }
    }

    /** One lender of the tranche's syndicate and its commitment. */
    record LenderCommitted(long globalIndex, int line, String programId, String trancheId, String lenderId,
                           String name, BigDecimal commitment, LocalDate effectiveDate, Instant recordedAt)
            implements DebtMovement {
        @Override
        public Kind kind() {
            return Kind.LENDER_COMMITTED;
        }
    }

    /** One lender's share of a draw. */
    record Drawn(long globalIndex, int line, String programId, String trancheId, String lenderId, BigDecimal amount,
                 LocalDate effectiveDate, Instant recordedAt) implements DebtMovement {
        @Override
        public Kind kind() {
            return Kind.DRAWN;
        }
    }

    /** One lender's share of a repayment. */
    record Repaid(long globalIndex, int line, String programId, String trancheId, String lenderId, BigDecimal amount,
                  LocalDate effectiveDate, Instant recordedAt) implements DebtMovement {
        @Override
        public Kind kind() {
            return Kind.REPAID;
        }
    }

    /** The tranche's new margin from the effective date on. */
    record Repriced(long globalIndex, int line, String programId, String trancheId, BigDecimal marginPct,
                    LocalDate effectiveDate, Instant recordedAt) implements DebtMovement {
        @Override
        public Kind kind() {
            return Kind.REPRICED;
        }
    }
}
