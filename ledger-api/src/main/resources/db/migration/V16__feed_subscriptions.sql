-- Webhook subscriptions to the event feed (DESIGN section 11) and the log of their delivery attempts. Delivery state
-- lives here, shared by the nodes: a node delivers a subscription only while it holds its lease.

CREATE TABLE feed_subscription (
    subscription_id       varchar(36)   NOT NULL,
    url                   varchar(2048) NOT NULL,
    program_id            varchar(255),
    types                 text[]        NOT NULL,
    -- The signing secrets ("whsec_" + base64): HMAC needs them as they are. The previous one still signs until
    -- previous_secret_until, so receivers can switch without losing a delivery.
    secret                varchar(100)  NOT NULL,
    previous_secret       varchar(100),
    previous_secret_until timestamptz,
    status                varchar(16)   NOT NULL,
    created_at            timestamptz   NOT NULL,
    created_by            varchar(255)  NOT NULL,
    -- Delivery: the next seq to look at; the last seq acknowledged; the current entry's failed attempts since when.
    next_seq              bigint        NOT NULL,
    delivered_through_seq bigint,
    attempts              integer       NOT NULL DEFAULT 0,
    failing_since         timestamptz,
    next_attempt_at       timestamptz,
    last_error            varchar(500),
    last_attempt_at       timestamptz,
    paused_reason         varchar(500),
    lease_owner           varchar(64),
    lease_until           timestamptz,
    CONSTRAINT feed_subscription_pk PRIMARY KEY (subscription_id),
    CONSTRAINT feed_subscription_status_ck CHECK (status IN ('ACTIVE', 'PAUSED')),
    CONSTRAINT feed_subscription_next_seq_ck CHECK (next_seq >= 0)
);

CREATE TABLE feed_delivery (
    attempt_id      bigint GENERATED ALWAYS AS IDENTITY,
    subscription_id varchar(36)  NOT NULL,
    seq             bigint       NOT NULL,
    webhook_id      varchar(255) NOT NULL,
    status_code     integer,
    error           varchar(500),
    attempted_at    timestamptz  NOT NULL,
    duration_ms     integer      NOT NULL,
    CONSTRAINT feed_delivery_pk PRIMARY KEY (attempt_id),
    CONSTRAINT feed_delivery_subscription_fk FOREIGN KEY (subscription_id)
        REFERENCES feed_subscription (subscription_id) ON DELETE CASCADE
);
CREATE INDEX feed_delivery_subscription_ix ON feed_delivery (subscription_id, attempt_id);
