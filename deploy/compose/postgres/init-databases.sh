#!/bin/sh
# Runs once, when the PostgreSQL container initialises an empty data directory: one database per service
# (SPEC: no service reads another's tables). Each service's Liquibase creates its own tables on start.
set -eu
for db in auth users market signals notifications; do
    echo "creating database $db"
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c "CREATE DATABASE \"$db\""
done
