-- Axon's tables on PostgreSQL, under snake_case names that AxonSchemaConfiguration hands to the JDBC event
-- storage engine, token store and dead-letter queue. Migration versions are one sequence shared by the
-- modules that put scripts in classpath:db/migration (ledger-api, ledger-projections).
--
-- Timestamps: Axon writes them itself as ISO-8601 UTC text (for example 2026-11-25T20:53:39.123Z), so the
-- columns are text, in UTC by construction.

-- One increment per event and no cache: tracking processors treat every skipped number as a gap to wait for.
CREATE SEQUENCE domain_event_global_index_seq AS bigint INCREMENT BY 1 START WITH 1 CACHE 1;

CREATE TABLE domain_event_entry (
    global_index         bigint       NOT NULL DEFAULT nextval('domain_event_global_index_seq'),
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255),
    event_identifier     varchar(255) NOT NULL,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    CONSTRAINT domain_event_entry_pk PRIMARY KEY (global_index),
    -- Optimistic concurrency: two writers of the same aggregate version collide here.
    CONSTRAINT domain_event_entry_aggregate_sequence_uk UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier_uk UNIQUE (event_identifier)
);
ALTER SEQUENCE domain_event_global_index_seq OWNED BY domain_event_entry.global_index;

-- The journal is append-only: history is corrected by new events, never rewritten.
CREATE FUNCTION domain_event_entry_is_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'domain_event_entry is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER domain_event_entry_no_update_or_delete
    BEFORE UPDATE OR DELETE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION domain_event_entry_is_append_only();

CREATE TRIGGER domain_event_entry_no_truncate
    BEFORE TRUNCATE ON domain_event_entry
    FOR EACH STATEMENT EXECUTE FUNCTION domain_event_entry_is_append_only();

CREATE TABLE snapshot_event_entry (
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number      bigint       NOT NULL,
    type                 varchar(255) NOT NULL,
    event_identifier     varchar(255) NOT NULL,
    meta_data            bytea,
    payload              bytea        NOT NULL,
    payload_revision     varchar(255),
    payload_type         varchar(255) NOT NULL,
    time_stamp           varchar(255) NOT NULL,
    CONSTRAINT snapshot_event_entry_pk PRIMARY KEY (aggregate_identifier, sequence_number),
    CONSTRAINT snapshot_event_entry_event_identifier_uk UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name varchar(255) NOT NULL,
    segment        integer      NOT NULL,
    token          bytea,
    token_type     varchar(255),
    time_stamp     varchar(255),
    owner          varchar(255),
    CONSTRAINT token_entry_pk PRIMARY KEY (processor_name, segment)
);

CREATE TABLE dead_letter_entry (
    dead_letter_id       varchar(255)  NOT NULL,
    processing_group     varchar(255)  NOT NULL,
    sequence_identifier  varchar(255)  NOT NULL,
    sequence_index       bigint        NOT NULL,
    message_type         varchar(255)  NOT NULL,
    event_identifier     varchar(255)  NOT NULL,
    time_stamp           varchar(255)  NOT NULL,
    payload_type         varchar(255)  NOT NULL,
    payload_revision     varchar(255),
    payload              bytea         NOT NULL,
    meta_data            bytea,
    aggregate_type       varchar(255),
    aggregate_identifier varchar(255),
    sequence_number      bigint,
    token_type           varchar(255),
    token                bytea,
    enqueued_at          varchar(255)  NOT NULL,
    last_touched         varchar(255),
    processing_started   varchar(255),
    cause_type           varchar(255),
    cause_message        varchar(1023),
    diagnostics          bytea,
    CONSTRAINT dead_letter_entry_pk PRIMARY KEY (dead_letter_id),
    CONSTRAINT dead_letter_entry_sequence_uk UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_processing_group_ix ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_sequence_ix ON dead_letter_entry (processing_group, sequence_identifier);
