-- The compliance audit trail: one row per accepted event (written by the audit-trail processing group, which owns
-- them and may rebuild them) and one per rejected command (written by the command path when the ledger refuses a
-- command; these are the only record of a rejection and are never deleted by a rebuild).
CREATE TABLE audit_entry (
    entry_id         varchar(64)    NOT NULL,
    position         bigint,
    outcome          varchar(8)     NOT NULL,
    code             varchar(40),
    type             varchar(64)    NOT NULL,
    detail           varchar(2000),
    program_id       varchar(64),
    investor_id      varchar(64),
    counterparty_id  varchar(64),
    tranche_id       varchar(64),
    call_id          varchar(64),
    phase_id         varchar(64),
    reference_id     varchar(64),
    amount           numeric(17, 2),
    effective_date   date,
    recorded_at      timestamptz    NOT NULL,
    actor            varchar(200),
    client           varchar(300),
    reason           varchar(500),
    correlation_id   varchar(64),
    causation_id     varchar(64),
    idempotency_key  varchar(200),
    CONSTRAINT audit_entry_pk PRIMARY KEY (entry_id),
    CONSTRAINT audit_entry_outcome_ck CHECK (outcome IN ('ACCEPTED', 'REJECTED'))
);
CREATE UNIQUE INDEX audit_entry_position_ux ON audit_entry (position);
CREATE INDEX audit_entry_order_ix ON audit_entry (recorded_at, entry_id);
CREATE INDEX audit_entry_program_ix ON audit_entry (program_id, recorded_at, entry_id);
CREATE INDEX audit_entry_actor_ix ON audit_entry (actor, recorded_at, entry_id);
