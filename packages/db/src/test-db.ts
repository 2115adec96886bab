// For tests only: a freshly migrated database of the test's own, named by the caller.
import pg from "pg";
import { deployMigrations } from "../../../scripts/db-migrate";

const SERVER = process.env.TEST_PG_SERVER ?? "postgresql://postgres@127.0.0.1:5432";

async function admin(sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: `${SERVER}/postgres` });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** Creates (or recreates) the database, migrates it and points DATABASE_URL at it. */
export async function useFreshDatabase(name: string): Promise<string> {
  if (!/^bulwark_be[a-z0-9_]*$/.test(name)) throw new Error(`test database ${name} must be named bulwark_be*`);
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = `${SERVER}/${name}`;
  await deployMigrations(url);
  process.env.DATABASE_URL = url;
  return url;
}

export async function dropDatabase(name: string): Promise<void> {
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
