// Shared set-up steps for `npm run demo` and `npm test`: dependencies, Prisma client, database.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { aptInstall, has, isRoot, log } from "./services.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: "inherit", ...opts, env: { ...process.env, ...(opts.env ?? {}) } });
  if (r.status !== 0) {
    throw new Error(`${cmd} ${args.join(" ")} failed with exit code ${r.status}`);
  }
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function installDependencies() {
  const lock = path.join(ROOT, "package-lock.json");
  const marker = path.join(ROOT, "node_modules", ".package-lock.json");
  const fresh = existsSync(marker) && existsSync(lock) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs;
  if (fresh) return;
  // `npm install` rather than `npm ci`: the lock lists turbo's binaries for every platform, and a
  // registry mirror that lacks some of them makes `npm ci` refuse the whole lock.
  log("installing dependencies (npm install) ...");
  sh("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"]);
}

/** Generates the Prisma client. No native engine is needed for generate or for the pg adapter. */
export function generatePrismaClient() {
  log("generating the Prisma client ...");
  sh("npx", ["prisma", "generate"], {
    env: { PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Creates the database in `url` if missing (optionally dropping it first) and applies migrations. */
export async function prepareDatabase(url, { recreate = false } = {}) {
  const { default: pg } = await import("pg");
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    if (recreate) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  log(`applying migrations to ${name} ...`);
  sh("npx", ["tsx", "scripts/db-migrate.ts", "deploy"], { env: { DATABASE_URL: url } });
}

export function ensureChromium() {
  if (existsSync("/usr/bin/chromium")) return true;
  log("Chromium is needed for the browser tests");
  return aptInstall(["chromium"]) && existsSync("/usr/bin/chromium");
}

export function ensureKubectl() {
  if (has("kubectl")) return true;
  if (!isRoot()) return false;
  // Debian's kubernetes-client package: unpack it rather than install (it conflicts with other kubectl builds).
  log("fetching kubectl from Debian's kubernetes-client package ...");
  const r = spawnSync(
    "sh",
    ["-c", "set -e; d=$(mktemp -d); cd $d; apt-get update -q >/dev/null; apt-get download kubernetes-client >/dev/null; dpkg-deb -x kubernetes-client_*.deb x; install -m 0755 x/usr/bin/kubectl /usr/local/bin/kubectl"],
    { stdio: "inherit" },
  );
  return r.status === 0;
}

/** pdftotext (Debian's poppler-utils) reads generated PDF reports back in the report tests. */
export function ensurePoppler() {
  if (has("pdftotext")) return true;
  log("pdftotext is needed by the report tests");
  return aptInstall(["poppler-utils"]);
}
