package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.readmodel.ReadModelRegistry;
import com.capitalledger.projections.readmodel.TableDerivation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Reloads read models' emptied tables from the event store, in one read of it (each table analysed as loaded). */
@Component
public class TableReload {

    private static final Logger log = LoggerFactory.getLogger(TableReload.class);

    private final ReadModelRegistry registry;
    private final BulkLoad bulkLoad;

    public TableReload(ReadModelRegistry registry, BulkLoad bulkLoad) {
        this.registry = registry;
        this.bulkLoad = bulkLoad;
    }

    /** Loads the read models' tables with the events up to {@code head}, counting them in {@code loaded}. */
    BulkLoad.Result upTo(List<ReadModel> models, long head, AtomicLong loaded) {
        List<TableDerivation<?>> tables = registry.of(models);
        long start = System.nanoTime();
        BulkLoad.Result result = bulkLoad.load(tables, head, loaded);
        log.info("Loaded {} events into {} tables in {} ms", result.events(), tables.size(),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }
}
