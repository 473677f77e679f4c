-- The verifiable journal: every event of the store (accepted events and refusals) in the order the journal learned of
-- it, with a dense sequence number, and the Merkle tree over them (RFC 9162).

-- One row per entry: its place (seq, dense from 0, never reused), the event it is (global index and identifier) and
-- its leaf hash, SHA-256(0x00 || the entry's canonical JSON).
CREATE TABLE journal_entry (
    seq              bigint       NOT NULL,
    global_index     bigint       NOT NULL,
    event_identifier varchar(255) NOT NULL,
    leaf_hash        bytea        NOT NULL,
    journaled_at     timestamptz  NOT NULL,
    CONSTRAINT journal_entry_pk PRIMARY KEY (seq),
    CONSTRAINT journal_entry_event_uk UNIQUE (event_identifier),
    CONSTRAINT journal_entry_global_index_uk UNIQUE (global_index),
    CONSTRAINT journal_entry_leaf_hash_ck CHECK (octet_length(leaf_hash) = 32)
);

-- Every perfect subtree of level 1 and above, stored once complete (it never changes after): the 2^level leaves
-- from idx * 2^level on. Any root or proof is a handful of these.
CREATE TABLE journal_node (
    level smallint NOT NULL,
    idx   bigint   NOT NULL,
    hash  bytea    NOT NULL,
    CONSTRAINT journal_node_pk PRIMARY KEY (level, idx),
    CONSTRAINT journal_node_hash_ck CHECK (octet_length(hash) = 32)
);

-- Events the journal refused to take: in the store, but not written by this ledger (no valid seal).
CREATE TABLE journal_anomaly (
    global_index     bigint        NOT NULL,
    event_identifier varchar(255)  NOT NULL,
    reason           varchar(500)  NOT NULL,
    detected_at      timestamptz   NOT NULL,
    CONSTRAINT journal_anomaly_pk PRIMARY KEY (global_index)
);

-- Events recorded before events were sealed (up to this global index) are journaled without a seal.
CREATE TABLE journal_genesis (
    id           smallint    NOT NULL DEFAULT 1,
    global_index bigint      NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT journal_genesis_pk PRIMARY KEY (id),
    CONSTRAINT journal_genesis_one_ck CHECK (id = 1)
);
INSERT INTO journal_genesis (global_index) SELECT COALESCE(max(global_index), 0) FROM domain_event_entry;

CREATE FUNCTION journal_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER journal_entry_append_only BEFORE UPDATE OR DELETE ON journal_entry
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_entry_no_truncate BEFORE TRUNCATE ON journal_entry
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_node_append_only BEFORE UPDATE OR DELETE ON journal_node
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_node_no_truncate BEFORE TRUNCATE ON journal_node
    FOR EACH STATEMENT EXECUTE FUNCTION journal_is_append_only();
CREATE TRIGGER journal_genesis_append_only BEFORE UPDATE OR DELETE ON journal_genesis
    FOR EACH ROW EXECUTE FUNCTION journal_is_append_only();

-- The audit trail orders lines of one millisecond by their position in the event store (refusals are events now).
DROP INDEX audit_entry_order_ix;
DROP INDEX audit_entry_program_ix;
DROP INDEX audit_entry_actor_ix;
CREATE INDEX audit_entry_order_ix ON audit_entry (recorded_at, (COALESCE(position, -1)), entry_id);
CREATE INDEX audit_entry_program_ix ON audit_entry (program_id, recorded_at, (COALESCE(position, -1)), entry_id);
CREATE INDEX audit_entry_actor_ix ON audit_entry (actor, recorded_at, (COALESCE(position, -1)), entry_id);
