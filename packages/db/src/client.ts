// The only Prisma client in Bulwark. One per process: Next.js dev re-evaluates modules on every
// change, so the instance lives on globalThis instead of in module scope.
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { dbEnv } from "./env";

type Db = InstanceType<typeof PrismaClient>;
const globalForDb = globalThis as unknown as { __bulwarkDb?: Db };

function createClient(): Db {
  const env = dbEnv();
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_MAX });
  return new PrismaClient({ adapter });
}

/** The shared client, created on first use. */
export function getDb(): Db {
  globalForDb.__bulwarkDb ??= createClient();
  return globalForDb.__bulwarkDb;
}

/** A proxy so that callers can `import { db }` without creating a connection at import time. */
export const db: Db = new Proxy({} as Db, {
  get(_t, prop) {
    const client = getDb() as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  const client = globalForDb.__bulwarkDb;
  globalForDb.__bulwarkDb = undefined;
  await client?.$disconnect();
}

export type { Db };
export type Tx = Prisma.TransactionClient;
