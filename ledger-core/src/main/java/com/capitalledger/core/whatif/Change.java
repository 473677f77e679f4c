package com.capitalledger.core.whatif;

import com.capitalledger.core.rates.api.BaseRateName;
import com.capitalledger.core.shared.LedgerCommand;

import java.time.LocalDate;
import java.util.Objects;

/** One hypothetical change to a program's journal. */
public sealed interface Change {

    /** The change's name on the wire: add, remove, replace, shiftRate. */
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
}
