package com.capitalledger.projections.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The rebuilds of read models, in the table every node shares ({@code read_model_rebuild}). */
@Component
public class RebuildRecords {

    private static final RowMapper<Rebuild> ROW = (row, number) -> new Rebuild(row.getString("read_model"),
            row.getString("node"), row.getTimestamp("started_at").toInstant(), row.getLong("head"),
            row.getLong("loaded"), row.getBoolean("handed_over"),
            row.getTimestamp("finished_at") == null ? null : row.getTimestamp("finished_at").toInstant(),
            row.getTimestamp("heartbeat").toInstant());

    private final JdbcTemplate jdbc;

    public RebuildRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a rebuild, unless one is still loading with a heartbeat younger than {@code abandonedBefore} (one that
     * has handed over to its processors, or whose node went quiet, may be started again).
     *
     * @return whether it was recorded
     */
    public boolean start(String readModel, String node, Instant at, long head, Instant abandonedBefore) {
        return jdbc.update("INSERT INTO read_model_rebuild (read_model, node, started_at, head, loaded, handed_over, "
                + "finished_at, heartbeat) VALUES (?, ?, ?, ?, 0, false, NULL, ?) ON CONFLICT (read_model) DO UPDATE "
                + "SET node = EXCLUDED.node, started_at = EXCLUDED.started_at, head = EXCLUDED.head, loaded = 0, "
                + "handed_over = false, finished_at = NULL, heartbeat = EXCLUDED.heartbeat "
                + "WHERE read_model_rebuild.finished_at IS NOT NULL OR read_model_rebuild.handed_over "
                + "OR read_model_rebuild.heartbeat < ?",
                readModel, node, Timestamp.from(at), head, Timestamp.from(at), Timestamp.from(abandonedBefore)) == 1;
    }

    public void progress(String readModel, String node, long loaded, Instant at) {
        jdbc.update("UPDATE read_model_rebuild SET loaded = ?, heartbeat = ? WHERE read_model = ? AND node = ? "
                + "AND finished_at IS NULL", loaded, Timestamp.from(at), readModel, node);
    }

    public void handedOver(String readModel, String node, long loaded, Instant at) {
        jdbc.update("UPDATE read_model_rebuild SET loaded = ?, handed_over = true, heartbeat = ? WHERE read_model = ? "
                + "AND node = ? AND finished_at IS NULL", loaded, Timestamp.from(at), readModel, node);
    }

    /** Marks the rebuild finished once; any node may, on seeing the read model caught up. */
    public void finished(String readModel, Instant startedAt, Instant at) {
        jdbc.update("UPDATE read_model_rebuild SET finished_at = ? WHERE read_model = ? AND started_at = ? "
                + "AND finished_at IS NULL", Timestamp.from(at), readModel, Timestamp.from(startedAt));
    }

    public Optional<Rebuild> of(String readModel) {
        return jdbc.query("SELECT * FROM read_model_rebuild WHERE read_model = ?", ROW, readModel).stream().findFirst();
    }

    public List<Rebuild> inProgress() {
        return jdbc.query("SELECT * FROM read_model_rebuild WHERE finished_at IS NULL", ROW);
    }
}
