package com.capitalledger.core.whatif;

import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.LedgerCommand;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** One hypothetical change to a program's journal. */
public sealed interface Change {

    /** The change's name on the wire: add, remove, replace, shiftRate, scaleCashFlows. */
    String op();

    /** A command decided just before the first event whose effective date is later than its own, or at the end. */
    record Add(LedgerCommand command) implements Change {
        public Add {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String op() {
            return "add";
        }
    }

    /** The event as if it had never been recorded. */
    record Remove(String eventId) implements Change {
        public Remove {
            Objects.requireNonNull(eventId, "eventId");
        }

        @Override
        public String op() {
            return "remove";
        }
    }

    /** A command decided in the event's place instead of it. */
    record Replace(String eventId, LedgerCommand command) implements Change {
        public Replace {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(command, "command");
        }

        @Override
        public String op() {
            return "replace";
        }
    }

    /** The base rate in force on every day from {@code from} on raised by {@code bps} hundredths of a percent. */
    record ShiftRate(BaseRateName baseRate, LocalDate from, int bps) implements Change {
        public ShiftRate {
            Objects.requireNonNull(baseRate, "baseRate");
            Objects.requireNonNull(from, "from");
        }

        @Override
        public String op() {
            return "shiftRate";
        }
    }

    /**
     * Every recorded cash flow whose period ends on or after {@code from} with its revenue and operating costs scaled
     * by (1 + pct/100), HALF_EVEN to the cent; a pct of zero leaves that figure as recorded.
     */
    record ScaleCashFlows(LocalDate from, BigDecimal revenuePct, BigDecimal operatingCostsPct) implements Change {
        private static final BigDecimal MINUS_100 = BigDecimal.valueOf(-100);

        public ScaleCashFlows {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(revenuePct, "revenuePct");
            Objects.requireNonNull(operatingCostsPct, "operatingCostsPct");
            if (revenuePct.compareTo(MINUS_100) <= 0 || operatingCostsPct.compareTo(MINUS_100) <= 0) {
                throw new IllegalArgumentException("a cash flow can be scaled by more than -100% only");
            }
        }

        @Override
        public String op() {
            return "scaleCashFlows";
        }
    }
}
