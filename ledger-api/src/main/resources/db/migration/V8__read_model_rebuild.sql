-- Rebuilds of read models (ledger-api), shared by every node on the database: a rebuild started on one node is seen
-- by all (their queries on it answer 503 until it is done, their processors for it pause), and its progress is
-- reported the same everywhere. One row per read model: its latest rebuild.
CREATE TABLE read_model_rebuild (
    read_model  varchar(64)   NOT NULL,
    node        varchar(255)  NOT NULL,
    started_at  timestamptz   NOT NULL,
    -- The event stream's end when the rebuild began: done once the read model has handled everything up to it.
    head        bigint        NOT NULL,
    loaded      bigint        NOT NULL,
    handed_over boolean       NOT NULL,
    finished_at timestamptz,
    -- Refreshed by the rebuilding node while it works; a rebuild whose node went quiet is taken over by another.
    heartbeat   timestamptz   NOT NULL,
    CONSTRAINT read_model_rebuild_pk PRIMARY KEY (read_model)
);
