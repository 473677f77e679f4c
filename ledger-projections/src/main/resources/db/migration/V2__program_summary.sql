-- Read model of the program-summary processing group (ledger-projections).
CREATE TABLE program_summary (
    program_id     varchar(64)    NOT NULL PRIMARY KEY,
    name           varchar(200)   NOT NULL,
    currency       char(3)        NOT NULL,
    target_amount  numeric(17, 2) NOT NULL,
    max_debt_pct   numeric(7, 4)  NOT NULL,
    effective_date date           NOT NULL,
    recorded_at    timestamptz    NOT NULL
);
