#!/bin/sh
# Each service's own PostgreSQL login role owns its database and nothing else: no superuser, CREATEDB or
# CREATEROLE, and PUBLIC loses CONNECT on every service database, so no role but its owner (and superusers) can
# connect to it. Idempotent: creates missing roles and databases, resets the roles' rights and passwords, and hands
# databases and objects a superuser created earlier (before the roles existed) to their role.
#
# Runs as a superuser through psql's usual settings (PGHOST, PGPORT, PGUSER, PGPASSWORD; inside the postgres image
# its socket and POSTGRES_USER). Per service <P> = AUTH, USER, MARKET, SIGNALS, NOTIFICATION: <P>_DB_USERNAME (the
# role; default auth_service, user_service, ...) and <P>_DB_PASSWORD (empty = no password, only for a server that
# trusts its clients, like the throwaway one of deploy/k8s/overlays/local). Passwords are never printed.
#   Compose: the postgres image runs it on an empty volume; on an existing one run it once:
#            docker compose exec postgres /docker-entrypoint-initdb.d/10-service-roles.sh
#   Kubernetes: the database-roles Job (deploy/k8s/components/database-roles) runs a copy of this file.
set -eu

export PGUSER="${PGUSER:-${POSTGRES_USER:-postgres}}"

provision() {
    # $1 database, $2 role, $3 password (may be empty)
    if [ -n "$3" ]; then has_password=true; else has_password=false; fi
    # the password reaches psql in its environment, not on a command line that ps shows
    ROLE_PASSWORD="$3" psql -X -q -v ON_ERROR_STOP=1 --dbname postgres -v db="$1" -v role="$2" \
        -v has_password="$has_password" <<'SQL'
\getenv password ROLE_PASSWORD
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role')
\gexec
-- an administrator that is no superuser (managed PostgreSQL) must be able to SET ROLE to give databases to the
-- role; on PostgreSQL 16+ creating a role grants it ADMIN on it, but not SET
SELECT format('GRANT %I TO %I', :'role', current_user)
 WHERE NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
   AND NOT CASE WHEN current_setting('server_version_num')::int >= 160000
                THEN pg_has_role(current_user, :'role', 'SET') ELSE pg_has_role(current_user, :'role', 'MEMBER') END
\gexec
SELECT rolsuper AS is_superuser FROM pg_roles WHERE rolname = current_user
\gset
\if :is_superuser
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
\else
-- only a superuser may even mention the other attributes; a role this administrator made cannot have them
ALTER ROLE :"role" WITH LOGIN NOCREATEDB NOCREATEROLE;
\endif
\if :has_password
ALTER ROLE :"role" WITH PASSWORD :'password';
\else
ALTER ROLE :"role" WITH PASSWORD NULL;
\endif
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')
\gexec
ALTER DATABASE :"db" OWNER TO :"role";
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
\connect :"db"
-- objects a superuser created before the role owned the database (REASSIGN OWNED cannot take the bootstrap
-- superuser's): schemas, relations (column-owned sequences follow their table), routines, free-standing types
SELECT format('ALTER SCHEMA %I OWNER TO %I', n.nspname, :'role') FROM pg_namespace n
 WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname NOT IN ('information_schema', 'public')
   AND n.nspowner <> :'role'::regrole
\gexec
SELECT format('ALTER %s %I.%I OWNER TO %I', CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
       WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, n.nspname, c.relname, :'role')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND c.relowner <> :'role'::regrole
   AND (c.relkind IN ('r', 'p', 'v', 'm', 'f') OR (c.relkind = 'S' AND NOT EXISTS (
        SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
           AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))))
\gexec
SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, :'role')
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND p.proowner <> :'role'::regrole
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
\gexec
SELECT format('ALTER %s %s OWNER TO %I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype,
       :'role')
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
 WHERE n.nspname NOT LIKE 'pg\_%' AND n.nspname <> 'information_schema' AND t.typowner <> :'role'::regrole
   AND (t.typtype IN ('e', 'r', 'd') OR (t.typtype = 'c'
        AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')
\gexec
SQL
}

for service in auth:AUTH:auth_service users:USER:user_service market:MARKET:market_service \
               signals:SIGNALS:signals_service notifications:NOTIFICATION:notification_service; do
    database="${service%%:*}"
    rest="${service#*:}"
    prefix="${rest%%:*}"
    eval "role=\${${prefix}_DB_USERNAME:-${rest#*:}}"
    eval "password=\${${prefix}_DB_PASSWORD:-}"
    echo "database $database: owned by role $role"
    provision "$database" "$role" "$password"
done
