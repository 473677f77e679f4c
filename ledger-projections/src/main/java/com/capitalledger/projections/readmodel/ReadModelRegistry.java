package com.capitalledger.projections.readmodel;

import org.axonframework.config.ProcessingGroup;
import org.springframework.aop.support.AopUtils;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The read models' one registration: every read model's tables, as its projection declares them
 * ({@link ProjectedReadModel}), for the bulk rebuild and the table check. Built from the projections found at start-up: a read model without exactly one projection,
 * or a projection whose processing group is not its read model's, stops the service from starting.
 */
@Component
public class ReadModelRegistry {

    private final Map<ReadModel, List<TableDerivation<?>>> byReadModel = new EnumMap<>(ReadModel.class);

    public ReadModelRegistry(List<ProjectedReadModel> projections) {
        for (ProjectedReadModel projection : projections) {
            ReadModel model = projection.readModel();
            ProcessingGroup group = AopUtils.getTargetClass(projection).getAnnotation(ProcessingGroup.class);
            if (group == null || !group.value().equals(model.processingGroup())) {
                throw new IllegalStateException(projection.getClass().getName() + " projects read model " + model
                        + " but its @ProcessingGroup is " + (group == null ? "missing" : group.value()));
            }
            if (byReadModel.put(model, List.copyOf(projection.tables())) != null) {
                throw new IllegalStateException("read model " + model + " has more than one projection");
            }
        }
        for (ReadModel model : ReadModel.values()) {
            if (!byReadModel.containsKey(model)) {
                throw new IllegalStateException("read model " + model + " has no projection");
            }
        }
    }

    public List<TableDerivation<?>> of(ReadModel readModel) {
        return byReadModel.get(readModel);
    }

    public List<TableDerivation<?>> of(Iterable<ReadModel> readModels) {
        List<TableDerivation<?>> tables = new ArrayList<>();
        readModels.forEach(model -> tables.addAll(of(model)));
        return tables;
    }

    /** Every read model's tables. */
    public List<TableDerivation<?>> all() {
        return of(List.of(ReadModel.values()));
    }
}
