package com.capitalledger.projections.readmodel;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The read models, each described once. Its name is how the API and operators refer to it and the processing group of
 * the pooled processor that keeps it (its projection's {@code @ProcessingGroup}, its settings under
 * {@code axon.eventhandling.processors}); what it stores and how it is bulk-loaded is declared by that projection
 * ({@link ProjectedReadModel#tables()}). Rebuilds, status, the table check, read-your-writes and the query
 * endpoints all iterate over or refer to these constants.
 */
public enum ReadModel {

    PROGRAMS(Names.PROGRAMS),
    INVESTOR_POSITIONS(Names.INVESTOR_POSITIONS),
    CAPITAL_CALLS(Names.CAPITAL_CALLS),
    TRANCHES(Names.TRANCHES),
    AUDIT_TRAIL(Names.AUDIT_TRAIL),
    CASH_FLOWS(Names.CASH_FLOWS);

    /** The names as compile-time constants, for annotations. */
    public static final class Names {
        public static final String PROGRAMS = "programs";
        public static final String INVESTOR_POSITIONS = "investor-positions";
        public static final String CAPITAL_CALLS = "capital-calls";
        public static final String TRANCHES = "tranches";
        public static final String CASH_FLOWS = "cash-flows";
        public static final String AUDIT_TRAIL = "audit-trail";

        private Names() {
        }
    }

    /** Every read model's name, in declaration order. */
    public static final List<String> IDS = Arrays.stream(values()).map(ReadModel::id).toList();

    private final String id;

    ReadModel(String id) {
        this.id = id;
    }

    /** Its name in the API, e.g. {@code investor-positions}. */
    public String id() {
        return id;
    }

    /** The processing group of its processor: the same as its name. */
    public String processingGroup() {
        return id;
    }

    public static Optional<ReadModel> named(String id) {
        return Arrays.stream(values()).filter(model -> model.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
