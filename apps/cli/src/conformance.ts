// Conformance runner (`npm run conformance`): runs Bulwark's rules over the peers' own test
// fixtures (Polaris, Trivy, Pod Security Admission) and reports, per peer and per check id, how
// often Bulwark gives the peer's verdict. The fixtures live outside the repository
// (../shared/conformance, or BULWARK_CONFORMANCE_DIR); without them the run is skipped.
//
//   --json    machine-readable result on stdout instead of the text report
//   --strict  exit 1 when any case disagrees
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { builtinRules, evaluate, parseManifests, type Rule, type Snapshot } from "@bulwark/rules";

type Peer = "polaris" | "trivy" | "pss";
type Verdict = "pass" | "fail";

interface Case {
  peer: Peer;
  file: string;
  /** Peer check id as the peer names it (pss: "<level>:<check>"). */
  check: string;
  expect: Verdict;
  /** Rules whose verdict is compared. */
  rules: string[];
  /** Polaris: the file is the whole cluster. */
  wholeWorld: boolean;
  skip?: string;
}

interface Outcome extends Case {
  got: Verdict | "not-evaluated" | "error";
  agree: boolean;
  detail?: string;
}

export interface PeerSummary {
  peer: Peer;
  cases: number;
  agree: number;
  disagree: number;
  notEvaluated: number;
  skipped: number;
  agreement: number;
  coverage: { claimed: number; total: number; unclaimed: string[]; excluded: string[] };
  byCheck: Record<string, { cases: number; agree: number; rules: string[] }>;
}

export interface ConformanceResult {
  dir: string;
  peers: PeerSummary[];
  disagreements: { peer: Peer; file: string; check: string; expect: Verdict; got: string; rules: string[]; detail?: string }[];
  skipped: { peer: Peer; file: string; check: string; reason: string }[];
}

/** Polaris fixtures for custom-check examples, not built-in checks. */
const POLARIS_CUSTOM = ["nakedPod", "oneController", "resourceRange"];

function findDir(): string | undefined {
  const fromEnv = process.env.BULWARK_CONFORMANCE_DIR;
  if (fromEnv) return existsSync(fromEnv) ? resolve(fromEnv) : undefined;
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
  const dir = join(repoRoot, "..", "shared", "conformance");
  return existsSync(dir) ? dir : undefined;
}

function readIndex(dir: string, peer: Peer): Record<string, unknown>[] {
  const p = join(dir, peer, "index.jsonl");
  if (!existsSync(p)) return [];
  return readFileSync(p, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function claims(rules: readonly Rule[], key: "polaris" | "trivy" | "pss"): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const r of rules) {
    for (const id of r.peers?.[key] ?? []) {
      const l = m.get(id) ?? [];
      l.push(r.id);
      m.set(id, l);
    }
  }
  return m;
}

export function buildCases(dir: string, rules: readonly Rule[] = builtinRules): { cases: Case[]; allIds: Record<Peer, Set<string>>; excluded: Record<Peer, string[]> } {
  const polaris = claims(rules, "polaris");
  const trivy = claims(rules, "trivy");
  const pss = claims(rules, "pss");
  const cases: Case[] = [];
  const allIds: Record<Peer, Set<string>> = { polaris: new Set(), trivy: new Set(), pss: new Set() };
  const excluded: Record<Peer, string[]> = { polaris: [], trivy: [], pss: [] };

  for (const row of readIndex(dir, "polaris")) {
    const check = String(row.check);
    if (POLARIS_CUSTOM.includes(check) || row.builtin === false) {
      if (!excluded.polaris.includes(check)) excluded.polaris.push(check);
      continue;
    }
    allIds.polaris.add(check);
    cases.push({ peer: "polaris", file: String(row.file), check, expect: row.expect as Verdict, rules: polaris.get(check) ?? [], wholeWorld: true });
  }

  for (const row of readIndex(dir, "trivy")) {
    const check = String(row.check);
    allIds.trivy.add(check);
    const c: Case = { peer: "trivy", file: String(row.file), check, expect: row.expect as Verdict, rules: trivy.get(check) ?? [], wholeWorld: false };
    // The upstream test injected its own configuration; the default-config verdict is unknown.
    if (row.data_override_in_test === true) c.skip = "test overrides the check's configuration";
    cases.push(c);
  }

  const levelRules = (level: string): string[] => {
    const out = new Set<string>();
    for (const [id, ruleIds] of pss) {
      if (id.startsWith("baseline:") || (level === "restricted" && id.startsWith("restricted:"))) for (const r of ruleIds) out.add(r);
    }
    return [...out];
  };
  for (const row of readIndex(dir, "pss")) {
    const level = String(row.level);
    const control = String(row.psa_check_id ?? "");
    const expect = row.expect as Verdict;
    const wholeLevel = control === "" || control.startsWith("pss-");
    const check = wholeLevel ? `${level}:*` : `${level}:${control}`;
    if (!wholeLevel) allIds.pss.add(check);
    let ruleIds: string[];
    if (expect === "pass") {
      // A pass file complies with the whole level: no rule claiming any check of it may fire.
      ruleIds = levelRules(level);
    } else {
      ruleIds = [...new Set([...(pss.get(`${level}:${control}`) ?? []), ...(level === "restricted" ? (pss.get(`baseline:${control}`) ?? []) : [])])];
    }
    cases.push({ peer: "pss", file: String(row.file), check, expect, rules: ruleIds, wholeWorld: false });
  }
  return { cases, allIds, excluded };
}

function runCase(dir: string, c: Case): Outcome {
  if (c.skip) return { ...c, got: "not-evaluated", agree: false, detail: c.skip };
  let text: string;
  try {
    text = readFileSync(join(dir, c.file), "utf8");
  } catch (e) {
    return { ...c, got: "error", agree: false, detail: (e as Error).message };
  }
  const parsed = parseManifests(text, c.file);
  // Some upstream inputs are partial objects (no apiVersion, kind "pod"), which Bulwark refuses
  // as input; they are reported as skipped, not as a verdict.
  if (parsed.objects.length === 0) return { ...c, skip: `fixture is not a Kubernetes object: ${parsed.errors[0]?.message ?? "empty"}`, got: "not-evaluated", agree: false };
  const snapshot: Snapshot = {
    source: "manifests",
    objects: parsed.objects,
    locations: parsed.locations,
    kinds: [],
    kindsComplete: c.wholeWorld,
  };
  const result = evaluate(snapshot, { onlyRules: c.rules });
  const fired = result.findings.filter((f) => !f.exception);
  const notEvaluated = result.rules.filter((r) => r.status === "not-evaluated");
  let got: Outcome["got"];
  if (fired.length > 0) got = "fail";
  else if (notEvaluated.length > 0 && notEvaluated.length === result.rules.length) got = "not-evaluated";
  else got = "pass";
  const detail =
    got === "fail"
      ? fired
          .slice(0, 3)
          .map((f) => `${f.ruleId} @ ${f.path}`)
          .join("; ")
      : notEvaluated.length > 0
        ? notEvaluated.map((r) => `${r.id}: ${r.reason}`).join("; ")
        : undefined;
  return { ...c, got, agree: got === c.expect, ...(detail ? { detail } : {}) };
}

export function runConformance(dir: string, rules: readonly Rule[] = builtinRules): ConformanceResult {
  const { cases, allIds, excluded } = buildCases(dir, rules);
  const outcomes = cases.filter((c) => c.rules.length > 0).map((c) => runCase(dir, c));
  const peers: PeerSummary[] = (["polaris", "trivy", "pss"] as Peer[]).map((peer) => {
    const mine = outcomes.filter((o) => o.peer === peer);
    const judged = mine.filter((o) => !o.skip);
    const byCheck: PeerSummary["byCheck"] = {};
    for (const o of judged) {
      const b = (byCheck[o.check] ??= { cases: 0, agree: 0, rules: [] });
      b.cases++;
      if (o.agree) b.agree++;
      // Pass cases of a whole PSS level compare every rule of the level; list only the rules
      // that answer the check itself (its fail cases), or the level's count.
      if (o.expect === "fail" || !o.check.startsWith("baseline:") && !o.check.startsWith("restricted:")) {
        for (const r of o.rules) if (!b.rules.includes(r)) b.rules.push(r);
      }
    }
    const claimed = [...allIds[peer]].filter((id) => cases.some((c) => c.peer === peer && c.check === id && c.rules.length > 0));
    const agree = judged.filter((o) => o.agree).length;
    return {
      peer,
      cases: judged.length,
      agree,
      disagree: judged.filter((o) => !o.agree && o.got !== "not-evaluated").length,
      notEvaluated: judged.filter((o) => o.got === "not-evaluated").length,
      skipped: mine.length - judged.length,
      agreement: judged.length === 0 ? 0 : Math.round((agree / judged.length) * 1000) / 10,
      coverage: { claimed: claimed.length, total: allIds[peer].size, unclaimed: [...allIds[peer]].filter((id) => !claimed.includes(id)).sort(), excluded: excluded[peer] },
      byCheck,
    };
  });
  const skipped = outcomes.filter((o) => o.skip).map((o) => ({ peer: o.peer, file: o.file, check: o.check, reason: o.skip! }));
  const disagreements = outcomes
    .filter((o) => !o.skip && !o.agree)
    .map((o) => ({ peer: o.peer, file: o.file, check: o.check, expect: o.expect, got: o.got, rules: o.rules, ...(o.detail ? { detail: o.detail } : {}) }));
  return { dir, peers, disagreements, skipped };
}

function printText(r: ConformanceResult, out: (s: string) => void): void {
  out(`Conformance fixtures: ${r.dir}\n\n`);
  for (const p of r.peers) {
    out(`== ${p.peer}: ${p.agree}/${p.cases} cases agree (${p.agreement}%)`);
    out(`${p.notEvaluated ? `, ${p.notEvaluated} not evaluated` : ""}${p.skipped ? `, ${p.skipped} skipped` : ""}\n`);
    out(`   coverage: ${p.coverage.claimed}/${p.coverage.total} check ids claimed by a Bulwark rule`);
    out(`${p.coverage.excluded.length ? ` (excluded custom-check examples: ${p.coverage.excluded.join(", ")})` : ""}\n`);
    for (const [id, b] of Object.entries(p.byCheck).sort(([a], [b]) => a.localeCompare(b))) {
      const pct = Math.round((b.agree / b.cases) * 100);
      const rules = b.rules.length > 0 ? b.rules.join(", ") : "(every rule claiming a check of the level)";
      out(`   ${pct === 100 ? " " : "!"} ${id.padEnd(38)} ${String(b.agree).padStart(3)}/${String(b.cases).padEnd(3)} ${rules}\n`);
    }
    if (p.coverage.unclaimed.length) out(`   unclaimed: ${p.coverage.unclaimed.join(", ")}\n`);
    out("\n");
  }
  if (r.skipped.length > 0) {
    out(`Skipped (${r.skipped.length}):\n`);
    for (const s of r.skipped) out(`  [${s.peer}] ${s.check} ${s.file}: ${s.reason}\n`);
    out("\n");
  }
  out(`Disagreements (${r.disagreements.length}):\n`);
  for (const d of r.disagreements) out(`  [${d.peer}] ${d.check} ${d.file}: expected ${d.expect}, got ${d.got}${d.detail ? ` (${d.detail})` : ""}\n`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== "--json" && a !== "--strict");
  if (unknown.length > 0) {
    process.stderr.write(`conformance: unknown option ${unknown[0]} (use --json, --strict)\n`);
    return 2;
  }
  const dir = findDir();
  if (!dir) {
    process.stdout.write("conformance: fixtures folder not found (../shared/conformance or BULWARK_CONFORMANCE_DIR); skipped\n");
    return 0;
  }
  const result = runConformance(dir);
  if (args.includes("--json")) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else printText(result, (s) => process.stdout.write(s));
  return args.includes("--strict") && result.disagreements.length > 0 ? 1 : 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
