-- The position read models (ledger-projections). Each holds the facts its fold needs, one row per fact, with the
-- event's global index, effective date and recording instant, so a position can be folded as of any date and as
-- known at any instant. Rows are only ever inserted by their processing group, or removed all at once by a rebuild.

CREATE TABLE equity_movement (
    global_index   bigint         NOT NULL,
    line           integer        NOT NULL,
    program_id     varchar(64)    NOT NULL,
    investor_id    varchar(64)    NOT NULL,
    kind           varchar(20)    NOT NULL,
    investor_name  varchar(200),
    call_id        varchar(64),
    committed      numeric(17, 2) NOT NULL,
    called         numeric(17, 2) NOT NULL,
    defaulted      numeric(17, 2) NOT NULL,
    effective_date date           NOT NULL,
    recorded_at    timestamptz    NOT NULL,
    CONSTRAINT equity_movement_pk PRIMARY KEY (global_index, line)
);
CREATE INDEX equity_movement_program_ix ON equity_movement (program_id, global_index);

CREATE TABLE call_movement (
    global_index   bigint         NOT NULL,
    line           integer        NOT NULL,
    program_id     varchar(64)    NOT NULL,
    call_id        varchar(64)    NOT NULL,
    kind           varchar(20)    NOT NULL,
    phase_id       varchar(64),
    investor_id    varchar(64),
    amount         numeric(17, 2) NOT NULL,
    purpose        varchar(500),
    effective_date date           NOT NULL,
    recorded_at    timestamptz    NOT NULL,
    CONSTRAINT call_movement_pk PRIMARY KEY (global_index, line)
);
CREATE INDEX call_movement_program_ix ON call_movement (program_id, global_index);

CREATE TABLE debt_movement (
    global_index      bigint         NOT NULL,
    line              integer        NOT NULL,
    program_id        varchar(64)    NOT NULL,
    tranche_id        varchar(64)    NOT NULL,
    kind              varchar(20)    NOT NULL,
    lender_id         varchar(64),
    name              varchar(200),
    phase_id          varchar(64),
    seniority         varchar(20),
    base_rate         varchar(32),
    rate_pct          numeric(9, 5),
    fee_pct           numeric(9, 5),
    amount            numeric(17, 2),
    availability_end  date,
    effective_date    date           NOT NULL,
    recorded_at       timestamptz    NOT NULL,
    CONSTRAINT debt_movement_pk PRIMARY KEY (global_index, line)
);
CREATE INDEX debt_movement_program_ix ON debt_movement (program_id, global_index);

CREATE TABLE base_rate_fixing (
    global_index   bigint        NOT NULL,
    rate_name      varchar(32)   NOT NULL,
    rate_pct       numeric(9, 5) NOT NULL,
    effective_date date          NOT NULL,
    recorded_at    timestamptz   NOT NULL,
    CONSTRAINT base_rate_fixing_pk PRIMARY KEY (global_index)
);
CREATE INDEX base_rate_fixing_rate_ix ON base_rate_fixing (rate_name, global_index);

CREATE TABLE phase_movement (
    global_index   bigint         NOT NULL,
    program_id     varchar(64)    NOT NULL,
    kind           varchar(20)    NOT NULL,
    phase_id       varchar(64),
    tranche_id     varchar(64),
    name           varchar(200),
    amount         numeric(17, 2) NOT NULL,
    effective_date date           NOT NULL,
    recorded_at    timestamptz    NOT NULL,
    CONSTRAINT phase_movement_pk PRIMARY KEY (global_index)
);
CREATE INDEX phase_movement_program_ix ON phase_movement (program_id, global_index);
