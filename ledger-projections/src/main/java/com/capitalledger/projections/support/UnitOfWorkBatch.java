package com.capitalledger.projections.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the rows a processor's batch of events produces and writes them in one JDBC batch just before the batch's
 * transaction commits (with its token), instead of one round trip per row. Outside a unit of work, writes at once.
 */
public final class UnitOfWorkBatch {

    private UnitOfWorkBatch() {
    }

    public static <T> void add(String table, T row, Consumer<List<T>> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            write.accept(List.of(row));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<T> rows = root.getOrComputeResource("batch:" + table, key -> {
            List<T> pending = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> write.accept(pending));
            return pending;
        });
        rows.add(row);
    }
}
