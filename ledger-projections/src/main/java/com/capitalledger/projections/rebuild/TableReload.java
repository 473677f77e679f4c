package com.capitalledger.projections.rebuild;

import com.capitalledger.projections.readmodel.ReadModel;
import com.capitalledger.projections.readmodel.ReadModelRegistry;
import com.capitalledger.projections.readmodel.TableDerivation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Reloads read models' emptied tables from the event store, in one read of it, and analyses them afterwards. */
@Component
public class TableReload {

    private static final Logger log = LoggerFactory.getLogger(TableReload.class);

    private final ReadModelRegistry registry;
    private final BulkLoad bulkLoad;
    private final JdbcTemplate jdbc;

    public TableReload(ReadModelRegistry registry, BulkLoad bulkLoad, JdbcTemplate jdbc) {
        this.registry = registry;
        this.bulkLoad = bulkLoad;
        this.jdbc = jdbc;
    }

    /** Loads the read models' tables with the events up to {@code head}, counting them in {@code loaded}. */
    BulkLoad.Result upTo(List<ReadModel> models, long head, AtomicLong loaded) {
        List<TableDerivation<?>> tables = registry.of(models);
        long start = System.nanoTime();
        BulkLoad.Result result = bulkLoad.load(tables, head, loaded);
        long loadedAt = System.nanoTime();
        // Freshly copied rows have no planner statistics and no visibility map yet; autovacuum would add them
        // later, competing with live queries just after the rebuild. VACUUM takes no bind parameter: the table
        // names are the read models' own constants.
        for (TableDerivation<?> table : tables) {
            try {
                jdbc.execute("VACUUM (ANALYZE) " + table.table());
            } catch (DataAccessException e) {
                log.warn("Could not VACUUM (ANALYZE) {} after its bulk load; autovacuum will: {}", table.table(),
                        e.getMessage());
            }
        }
        log.info("Loaded {} events into {} tables in {} ms, vacuumed and analysed them in {} ms", result.events(),
                tables.size(), (loadedAt - start) / 1_000_000, (System.nanoTime() - loadedAt) / 1_000_000);
        return result;
    }
}
