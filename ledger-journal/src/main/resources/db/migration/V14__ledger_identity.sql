-- The ledger's identity (ledger-journal): one id per database, made when the database is, named by every signed
-- digest of its journal. A digest file shared by several ledgers (a test and a demo started in one directory) then
-- holds each ledger only to its own digests.
CREATE TABLE ledger_identity (
    -- Always true: the primary key that allows one row only.
    single    boolean NOT NULL DEFAULT true,
    ledger_id uuid    NOT NULL DEFAULT gen_random_uuid(),
    CONSTRAINT ledger_identity_pk PRIMARY KEY (single),
    CONSTRAINT ledger_identity_single CHECK (single)
);

INSERT INTO ledger_identity DEFAULT VALUES;
