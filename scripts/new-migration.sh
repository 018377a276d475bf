#!/usr/bin/env bash
# Creates the next migration for both databases from a schema change, then applies the SQLite one
# to the dev database. Edit prisma/schema.prisma and its twin prisma/postgres/schema.prisma alike
# (a test fails when their models differ). Usage: npm run db:new-migration -- add_something
# (`prisma migrate dev` works too but idles about a minute after finishing.)
set -euo pipefail
name=${1:?usage: npm run db:new-migration -- <snake_case_name>}
[[ $name =~ ^[a-z0-9_]+$ ]] || { echo "name must be snake_case: $name" >&2; exit 2; }
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_QUERY_ENGINE_LIBRARY=/bin/false CHECKPOINT_DISABLE=1
export DATABASE_FILE=${DATABASE_FILE:-file:./prisma/dev.db}
unset DATABASE_URL
stamp=$(date -u +%Y%m%d%H%M%S)

sql=$(mktemp)
npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --script > "$sql"
if grep -q '^-- This is an empty migration' "$sql"; then echo "SQLite schema unchanged: no migration"; rm -f "$sql"
else
  d=prisma/migrations/${stamp}_$name
  mkdir -p "$d" && mv "$sql" "$d/migration.sql"
  echo "created $d/migration.sql"
  npx prisma migrate deploy
fi

# PostgreSQL: the difference from the last committed schema needs no database server.
old=$(mktemp --suffix=.prisma)
git show HEAD:prisma/postgres/schema.prisma > "$old"
sql=$(mktemp)
npx prisma migrate diff --from-schema-datamodel "$old" --to-schema-datamodel prisma/postgres/schema.prisma --script > "$sql"
rm -f "$old"
if grep -q '^-- This is an empty migration' "$sql"; then echo "PostgreSQL schema unchanged: no migration"; rm -f "$sql"
else
  d=prisma/postgres/migrations/${stamp}_$name
  mkdir -p "$d" && mv "$sql" "$d/migration.sql"
  echo "created $d/migration.sql (applied by npm start when DATABASE_URL is PostgreSQL)"
fi
