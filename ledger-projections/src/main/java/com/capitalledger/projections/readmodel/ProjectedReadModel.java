package com.capitalledger.projections.readmodel;

import java.util.List;

/**
 * A read model's projection describes the read model once: which it is, and the tables it keeps.
 * {@link ReadModelRegistry} collects every projection at start-up and refuses to start unless each {@link ReadModel} has exactly one, whose
 * {@code @ProcessingGroup} is that read model's.
 */
public interface ProjectedReadModel {

    ReadModel readModel();

    /** Its tables, in the order a rebuild loads them. */
    List<TableDerivation<?>> tables();
}
