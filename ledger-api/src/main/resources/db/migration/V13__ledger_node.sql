-- The service nodes sharing this database, each with its last heartbeat: how many are alive decides how many segments
-- of each read model's processor a node keeps (ClaimBalancer). A node that stops beating is ignored after a while;
-- its row is removed by the next node that starts.
CREATE TABLE ledger_node (
    node      varchar(255) NOT NULL,
    heartbeat timestamptz  NOT NULL,
    CONSTRAINT ledger_node_pk PRIMARY KEY (node)
);
