-- Saved what-if scenarios (ledger-api): a named what-if request, re-run against the ledger as it is when run. An
-- analyst's working note, not part of the ledger: saving one writes no event and no audit line.
CREATE TABLE what_if_scenario (
    scenario_id uuid          NOT NULL,
    program_id  varchar(64)   NOT NULL,
    name        varchar(200)  NOT NULL,
    -- The request as JSON text, as validated when it was saved.
    request     text          NOT NULL,
    created_by  varchar(200)  NOT NULL,
    created_at  timestamptz   NOT NULL,
    CONSTRAINT what_if_scenario_pk PRIMARY KEY (scenario_id),
    -- One person does not keep two scenarios of the same name for a program.
    CONSTRAINT what_if_scenario_name_uk UNIQUE (program_id, created_by, name)
);
