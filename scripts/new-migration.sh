#!/usr/bin/env bash
# Creates the next migration from the difference between prisma/migrations and schema.prisma,
# then applies it to the dev database. Usage: npm run db:new-migration -- add_something
# (`prisma migrate dev` works too but idles ~60 s after finishing; see STACK.md T4.)
set -euo pipefail
name=${1:?usage: npm run db:new-migration -- <snake_case_name>}
[[ $name =~ ^[a-z0-9_]+$ ]] || { echo "name must be snake_case: $name" >&2; exit 2; }
export PRISMA_SCHEMA_ENGINE_BINARY=/bin/false PRISMA_QUERY_ENGINE_LIBRARY=/bin/false CHECKPOINT_DISABLE=1
export DATABASE_FILE=${DATABASE_FILE:-file:./prisma/dev.db}
sql=$(mktemp)
npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datamodel prisma/schema.prisma --script > "$sql"
if grep -q '^-- This is an empty migration' "$sql"; then echo "schema unchanged: no migration"; rm -f "$sql"; exit 0; fi
d=prisma/migrations/$(date -u +%Y%m%d%H%M%S)_$name
mkdir -p "$d" && mv "$sql" "$d/migration.sql"
echo "created $d/migration.sql"
npx prisma migrate deploy
