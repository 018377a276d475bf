import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { CatalogTypePool } from "./lib/db/postgres/catalog-type-pool";

// The CLI does not read .env when a config file exists: DATABASE_URL / DATABASE_FILE are passed
// explicitly. DATABASE_URL=postgresql://… selects PostgreSQL (prisma/postgres/), anything else
// the embedded SQLite file (prisma/).
const pgUrl = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "") ? process.env.DATABASE_URL! : null;
const sqliteUrl = process.env.DATABASE_FILE ?? "file:./prisma/dev.db";

function sqliteAdapter() {
  const factory = new PrismaBetterSQLite3({ url: sqliteUrl });
  // The shadow DB replays each migration.sql through executeRaw, which better-sqlite3
  // refuses for multi-statement SQL: run those as a script instead.
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectShadow();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (q) => {
      if (q.args.length === 0) {
        await shadow.executeScript(q.sql);
        return 0;
      }
      return executeRaw(q);
    };
    return shadow;
  };
  return factory;
}

function postgresAdapter(url: string) {
  const factory = new PrismaPg(new CatalogTypePool({ connectionString: url }), { disposeExternalPool: true });
  // The shadow database (migrate dev) needs the same catalog-type pool, and its own disposal.
  factory.connectToShadowDb = async () => {
    const admin = new CatalogTypePool({ connectionString: url, max: 1 });
    const database = `prisma_migrate_shadow_db_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.query(`CREATE DATABASE "${database}"`);
    const shadowUrl = new URL(url);
    shadowUrl.pathname = `/${database}`;
    const shadowFactory = new PrismaPg(new CatalogTypePool({ connectionString: shadowUrl.toString() }), { disposeExternalPool: true });
    const shadow = await shadowFactory.connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.query(`DROP DATABASE IF EXISTS "${database}"`);
      await admin.end();
    };
    return shadow;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: pgUrl ? path.join("prisma", "postgres", "schema.prisma") : path.join("prisma", "schema.prisma"),
  migrations: { path: pgUrl ? path.join("prisma", "postgres", "migrations") : path.join("prisma", "migrations") },
  async adapter() {
    return pgUrl ? postgresAdapter(pgUrl) : sqliteAdapter();
  },
});
