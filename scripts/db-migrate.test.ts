// Proves the WebAssembly-engine migrator: a fresh database migrated from prisma/migrations matches
// schema.prisma exactly, deploy is idempotent, and the history rows are Prisma's own.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, createMigration, deployMigrations, diffDatabaseToSchema, readMigrationsList } from "./db-migrate";

const SERVER = process.env.TEST_PG_SERVER ?? "postgresql://postgres@127.0.0.1:5432";
const DB = "bulwark_be_migtest";
const url = `${SERVER}/${DB}`;

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

describe("db-migrate", () => {
  beforeAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
    await admin(`CREATE DATABASE "${DB}"`);
  });
  afterAll(async () => {
    await admin(`DROP DATABASE IF EXISTS "${DB}" WITH (FORCE)`);
  });

  it("a fresh database migrated from prisma/migrations matches the schema", async () => {
    const list = await readMigrationsList();
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    // Before migrating the diff is the whole schema: proves the comparison can fail.
    expect(await diffDatabaseToSchema(url)).toContain("CREATE TABLE");
    const applied = await deployMigrations(url);
    expect(applied).toEqual(list.migrationDirectories.map((d) => d.path));
    expect(await diffDatabaseToSchema(url)).toBe("");
  });

  it("records history rows exactly as Prisma does (sha256 checksum of the file)", async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
    );
    await c.end();
    const list = await readMigrationsList();
    expect(rows.map((r) => r.migration_name)).toEqual(list.migrationDirectories.map((d) => d.path));
    for (const row of rows) {
      const sql = await readFile(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("deploy twice is a no-op", async () => {
    expect(await deployMigrations(url)).toEqual([]);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM _prisma_migrations`);
    await c.end();
    expect(rows[0].n).toBe((await readMigrationsList()).migrationDirectories.length);
  });

  it("deploy creates a database that does not exist yet, as prisma migrate deploy does", async () => {
    const name = `${DB}_new`;
    await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    try {
      const applied = await deployMigrations(`${SERVER}/${name}`);
      expect(applied.length).toBe((await readMigrationsList()).migrationDirectories.length);
      expect(await diffDatabaseToSchema(`${SERVER}/${name}`)).toBe("");
    } finally {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });

  it("create finds nothing to write when the migrations already match the schema", async () => {
    expect(await createMigration("noop_check", url)).toBeNull();
  });
});
