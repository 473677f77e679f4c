#!/bin/sh
# Run once by the postgres image when it creates the primary's cluster (/docker-entrypoint-initdb.d): lets the
# replica (compose.yaml's postgres-replica) stream the WAL over the compose network, with the ledger user's password.
echo "host replication ${POSTGRES_USER} all scram-sha-256" >> "$PGDATA/pg_hba.conf"
