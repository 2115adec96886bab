// CEL bomb: custom rules built to hold a process (nested comprehensions over a 10,000-item list,
// a quadratic walk of a 20 KB string) are refused at load or stopped by the cost limit, in the
// engine and in a real worker scan, which finishes and records the rules as not evaluated with the
// limit named; an ordinary custom rule beside them still judges. Figures: how long each took.
import { randomBytes } from "node:crypto";
import type { Harness } from "./harness";
import { log, q } from "./lib";
import type { Row } from "./run";

interface Ctx {
  h: Harness;
  rows: Row[];
  dbUrl: string;
  extra: Record<string, unknown>;
}

const ITEMS = Array.from({ length: 10_000 }, () => "a").join(",");
/** Refused by the compile-time estimate (the acceptance check's rule). */
const BOMB = 'has(object.data) && object.data.items.split(",").all(x, object.data.items.split(",").all(y, x == y))';
/** Passes the estimate; on a 20 KB string it would take ~10,000 × 20 KB of work: the meter stops it. */
const WIDE = 'has(object.data.items) && object.data.items.split(",").all(x, object.data.items.contains(x))';
const OK = 'has(object.data.items) && object.data.items.size() > 100';

const configMap = (name: string) => ({ apiVersion: "v1", kind: "ConfigMap", metadata: { name, namespace: "default" }, data: { items: ITEMS } });

function engine(ctx: Ctx): void {
  const { compileCustomRule, evaluate, snapshotFromManifests } = ctx.h.rules;
  const def = (id: string, expression: string) => ({ id, title: id, severity: "low" as const, kinds: ["ConfigMap"], expression, message: "m", remediation: "r" });
  let t = performance.now();
  const bomb = compileCustomRule(def("custom-bomb", BOMB));
  const compileMs = performance.now() - t;
  const refused = !bomb.ok && /CEL cost limit/.test(bomb.errors[0]?.message ?? "");

  const wide = compileCustomRule(def("custom-wide", WIDE));
  if (!wide.ok) throw new Error(`the runtime bomb should compile: ${JSON.stringify(wide.errors)}`);
  const snap = snapshotFromManifests([configMap("big")], []);
  t = performance.now();
  const res = evaluate(snap, { onlyRules: ["custom-wide"], extraRules: [wide.rule] });
  const wideMs = performance.now() - t;
  const status = res.rules.find((r) => r.id === "custom-wide");
  const stopped = status?.status === "not-evaluated" && /CEL cost limit/.test(status.reason ?? "");

  // The per-scan limit: an ordinary-looking rule over 1,000 such objects.
  const many = compileCustomRule(def("custom-many", 'object.data.items.split(",").all(x, x == "a")'));
  if (!many.ok) throw new Error("custom-many should compile");
  const manySnap = snapshotFromManifests(Array.from({ length: 1000 }, (_, i) => configMap(`cm-${i}`)), []);
  t = performance.now();
  const manyRes = evaluate(manySnap, { onlyRules: ["custom-many"], extraRules: [many.rule] });
  const manyMs = performance.now() - t;
  const manyStatus = manyRes.rules.find((r) => r.id === "custom-many");
  const perScan = manyStatus?.status === "not-evaluated" && /per scan/.test(manyStatus.reason ?? "");

  const ok = [refused, stopped, perScan].filter(Boolean).length;
  ctx.extra.celBomb = { compileRefusalMs: Math.round(compileMs), perObjectStopMs: Math.round(wideMs), perScanStopMs: Math.round(manyMs), perObjectReason: status?.reason, perScanReason: manyStatus?.reason };
  ctx.rows.push({
    section: "hostile",
    item: "CEL bomb: engine refuses at load, stops per object and per scan",
    tried: 3,
    ok,
    pass: ok === 3,
    notes: `refused in ${compileMs.toFixed(0)} ms; 10k-item walk stopped in ${wideMs.toFixed(0)} ms; 1,000 objects stopped in ${manyMs.toFixed(0)} ms (${manyStatus?.reason ?? "?"})`,
  });
}

async function workerScan(ctx: Ctx): Promise<void> {
  const { h } = ctx;
  const tag = randomBytes(3).toString("hex");
  const ids = { bomb: `custom-rel-bomb-${tag}`, wide: `custom-rel-wide-${tag}`, ok: `custom-rel-ok-${tag}` };
  // Stored directly, as rules saved before the limit existed would be (saving now refuses the bomb).
  for (const [ruleId, expression] of [[ids.bomb, BOMB], [ids.wide, WIDE], [ids.ok, OK]] as const) {
    await q(ctx.dbUrl, `INSERT INTO "CustomRule" (id, "orgId", "ruleId", title, severity, kinds, expression, message, remediation, "updatedAt") VALUES ($1, $2, $3, $3, 'low', ARRAY['ConfigMap'], $4, 'm', 'r', now())`, [`cr-${ruleId}`, h.orgId, ruleId, expression]);
  }
  const sim = await h.sim.startKubeSim({ objects: [configMap("big"), configMap("big-2")] });
  try {
    const clusterId = await h.addCluster("cel-bomb", sim.kubeconfig({ identity: "admin" }));
    await h.startWorkers(1);
    const t = Date.now();
    const scanId = await h.requestScan(clusterId);
    const { rows, timedOut } = await h.waitTerminal([clusterId], 60_000);
    const wallS = (Date.now() - t) / 1000;
    const [scan] = await q<{ status: string; rules: { id: string; status: string; reason?: string; findings: number }[] | null; durationMs: number | null }>(ctx.dbUrl, `SELECT status::text AS status, rules, "durationMs" FROM "Scan" WHERE id = $1`, [scanId]);
    const rule = (id: string) => scan?.rules?.find((r) => r.id === id);
    const checks = [
      !timedOut && rows[0]?.status === "succeeded",
      rule(ids.bomb)?.status === "not-evaluated" && /CEL cost limit/.test(rule(ids.bomb)?.reason ?? ""),
      rule(ids.wide)?.status === "not-evaluated" && /CEL cost limit/.test(rule(ids.wide)?.reason ?? ""),
      rule(ids.ok)?.status === "failed" && rule(ids.ok)?.findings === 2,
    ];
    const ok = checks.filter(Boolean).length;
    ctx.extra.celBombScan = { status: scan?.status, wallS, durationMs: scan?.durationMs, rules: [rule(ids.bomb), rule(ids.wide), rule(ids.ok)] };
    ctx.rows.push({
      section: "hostile",
      item: "CEL bomb: worker scan finishes, bombs not evaluated",
      tried: checks.length,
      ok,
      pass: ok === checks.length,
      notes: `scan ${scan?.status} in ${wallS.toFixed(1)} s (engine+store ${scan?.durationMs ?? "?"} ms); ${ids.wide.replace(/-[0-9a-f]{6}$/, "")}: ${rule(ids.wide)?.reason ?? rule(ids.wide)?.status ?? "missing"}`,
    });
  } finally {
    await h.stopWorkers();
    await h.clearQueues();
    await sim.close();
    await q(ctx.dbUrl, `DELETE FROM "CustomRule" WHERE "orgId" = $1 AND "ruleId" = ANY($2::text[])`, [h.orgId, Object.values(ids)]);
  }
}

export async function runCel(ctx: Ctx): Promise<void> {
  log("hostile: CEL bomb (engine)");
  engine(ctx);
  log("hostile: CEL bomb (worker scan)");
  await workerScan(ctx);
}
