#!/bin/sh
# The read replica's start (compose.yaml's postgres-replica). On its first start, an empty volume: a base backup of the
# primary by pg_basebackup, which with -R also writes standby.signal and primary_conninfo, so the server starts as a
# hot standby streaming from the primary. Later starts find the cluster and just start it. Then the postgres image's
# own entrypoint, which skips initdb for an existing cluster.
set -e
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  chmod 700 "$PGDATA"
  # PGPASSWORD comes from the environment; -X stream keeps the WAL written during the copy.
  gosu postgres pg_basebackup --host=postgres --username="$POSTGRES_USER" --pgdata="$PGDATA" \
    --wal-method=stream --write-recovery-conf --checkpoint=fast --progress
fi
# hot_standby_feedback: queries on the replica are not cancelled because the primary cleaned up rows they still read.
exec docker-entrypoint.sh postgres -c hot_standby_feedback=on
