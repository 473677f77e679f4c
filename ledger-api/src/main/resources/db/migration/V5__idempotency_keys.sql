-- Idempotency keys of POST requests (ledger-api). A key belongs to the principal that sent it; the row is written
-- in the same transaction as the command's events, so an acknowledged command and its key stand or fall together.
-- A refused command's response is kept too (in a transaction of its own), so a retry gets the same answer.
CREATE TABLE idempotency_key (
    principal        varchar(200)  NOT NULL,
    idempotency_key  varchar(200)  NOT NULL,
    request_hash     char(64)      NOT NULL,
    status           integer       NOT NULL,
    content_type     varchar(200),
    location         varchar(1000),
    etag             varchar(100),
    body             bytea         NOT NULL,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT idempotency_key_pk PRIMARY KEY (principal, idempotency_key)
);
