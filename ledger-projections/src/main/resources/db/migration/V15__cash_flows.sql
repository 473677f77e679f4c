-- The cash-flow read model (section 10): one row per cash-flow event (terms, repayment schedules, operating cash
-- flows, waterfalls, waivers of events of default), the event kept whole as JSON since a waterfall's event carries
-- every figure it decided. Effective date and recording instant make it bitemporal like the other movement tables;
-- period_end is the period a cash flow or waterfall is about (null for the other kinds).

CREATE TABLE cash_flow_fact (
    global_index   bigint      NOT NULL,
    program_id     varchar(64) NOT NULL,
    kind           varchar(40) NOT NULL,
    period_end     date,
    event_json     text        NOT NULL,
    effective_date date        NOT NULL,
    recorded_at    timestamptz NOT NULL,
    CONSTRAINT cash_flow_fact_pk PRIMARY KEY (global_index)
);
CREATE INDEX cash_flow_fact_program_ix ON cash_flow_fact (program_id, global_index);
