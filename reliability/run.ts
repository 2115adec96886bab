// `npm run test:reliability`: faults, load, hostile input, tenancy and secrets against real
// processes (a private Postgres and Redis, worker children, kube-sim, the built web app). Prints a
// table and writes reliability/results.json. RELIABILITY_QUICK=1 runs a short variant (CI);
// `npm run test:reliability -- faults hostile` runs only the named sections.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { Harness } from "./harness";
import { PrivatePostgres, PrivateRedis, QUICK, ROOT, createDatabase, log } from "./lib";
import type { ScenarioResult } from "./faults";

const SECTIONS = ["faults", "continuous", "hostile", "cel", "flood", "webhooks", "accounts", "load", "security"] as const;
type Section = (typeof SECTIONS)[number];
const wanted = new Set<Section>(process.argv.slice(2).filter((a): a is Section => (SECTIONS as readonly string[]).includes(a)));
const want = (s: Section) => wanted.size === 0 || wanted.has(s);

export interface Row {
  section: string;
  item: string;
  tried: number | string;
  ok: number | string;
  pass: boolean;
  notes?: string;
}

const rows: Row[] = [];
const extra: Record<string, unknown> = {};
const t0 = Date.now();
const redis = new PrivateRedis();
const pg = new PrivatePostgres();
let exitCode = 0;

function printTable(): string {
  const header = ["section", "check", "tried", "ok", "result", "notes"];
  const body = rows.map((r) => [r.section, r.item, String(r.tried), String(r.ok), r.pass ? "PASS" : "FAIL", (r.notes ?? "").slice(0, 110)]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

try {
  log(`starting private redis and postgres${QUICK ? " (quick variant)" : ""}`);
  await redis.start();
  await pg.init();
  const dbUrl = await createDatabase("bulwark_rel");
  const secretKey = randomBytes(32).toString("base64");
  const h = new Harness(dbUrl, "rel", secretKey);
  await h.init("Reliability");
  const ctx = { h, redis, pg, dbUrl, secretKey, rows, extra };

  if (want("faults")) {
    const { runFaults } = await import("./faults");
    const results: ScenarioResult[] = await runFaults(h, { redis, pg });
    for (const r of results) rows.push({ section: "fault", item: r.name, tried: r.runs, ok: r.survived, pass: r.survived === r.runs, notes: r.notes.join("; ") });
  }
  if (want("continuous")) {
    // Continuous mode: watch faults and the lease holder SIGKILLed mid-stream.
    const { runContinuous } = await import("./continuous");
    await runContinuous(ctx);
  }
  if (want("hostile")) {
    const { runHostile } = await import("./hostile");
    await runHostile(ctx);
  }
  if (want("cel")) {
    const { runCel } = await import("./cel");
    await runCel(ctx);
  }
  if (want("flood")) {
    // One tenant's scan flood against another's scheduled scans.
    const { runQueueFairness } = await import("./queue-fairness");
    await runQueueFairness(ctx);
  }
  if (want("webhooks")) {
    // Trickling webhook receivers against the alert worker's delivery deadline.
    const { runWebhooks } = await import("./webhooks");
    await runWebhooks(ctx);
  }
  if (want("accounts")) {
    const { runAccounts } = await import("./accounts");
    await runAccounts(ctx);
  }
  if (want("load") || want("security")) {
    const { runWeb } = await import("./web");
    await runWeb(ctx, { load: want("load"), security: want("security") });
  }
} catch (e) {
  log(`suite error: ${(e as Error).stack ?? e}`);
  rows.push({ section: "suite", item: "runner", tried: 1, ok: 0, pass: false, notes: (e as Error).message });
} finally {
  const { closeQueues } = await import("@bulwark/jobs").catch(() => ({ closeQueues: async () => {} }));
  await closeQueues().catch(() => {});
  await redis.stop().catch(() => {});
  await pg.stop().catch(() => {});
}

const durationS = Math.round((Date.now() - t0) / 1000);
const table = printTable();
process.stdout.write(`\nBulwark reliability${QUICK ? " (quick)" : ""}: ${rows.filter((r) => r.pass).length}/${rows.length} checks passed in ${durationS} s\n\n${table}\n`);
writeFileSync(path.join(ROOT, "reliability", "results.json"), JSON.stringify({ quick: QUICK, durationS, finishedAt: new Date().toISOString(), rows, ...extra }, null, 2) + "\n");
if (rows.some((r) => !r.pass)) exitCode = 1;
process.exit(exitCode);
