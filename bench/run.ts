// `npm run bench`: runs each measurement several times in fresh child processes (clean peak RSS),
// prints a table of medians beside their targets and writes bench/results.json as
// [{ name, value, unit, target, met }].
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

interface Result { name: string; value: number; unit: string; target: string; met: boolean }
const results: Result[] = [];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs `file args` under tsx in a child process (on one core: taskset when present) and parses its last JSON line. */
function runChild(file: string, args: string[], opts: { oneCore?: boolean } = {}): Record<string, number> {
  const cmd = opts.oneCore && spawnSync("sh", ["-c", "command -v taskset"]).status === 0 ? "taskset" : "npx";
  const argv = cmd === "taskset" ? ["-c", "0", "npx", "tsx", file, ...args] : ["tsx", file, ...args];
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=4096" }, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${file} ${args.join(" ")} failed:\n${r.stderr}`);
  const line = r.stdout.trim().split("\n").filter((l) => l.startsWith("{")).pop();
  if (!line) throw new Error(`${file} printed no result`);
  return JSON.parse(line) as Record<string, number>;
}

function measure(file: string, args: string[], opts: { oneCore?: boolean } = {}): Record<string, number> {
  const runs = Array.from({ length: RUNS }, () => runChild(file, args, opts));
  const out: Record<string, number> = {};
  for (const key of Object.keys(runs[0]!)) out[key] = median(runs.map((r) => r[key]!));
  return out;
}

function add(name: string, value: number, unit: string, target: string, met: boolean) {
  results.push({ name, value: Math.round(value * 100) / 100, unit, target, met });
}

const only = process.argv[2];
const sections: Record<string, () => void> = {
  engine() {
    for (const n of [10_000, 100_000]) {
      const r = measure("bench/engine.bench.ts", [String(n), "corpus"], { oneCore: true });
      add(`engine: objects judged per second (corpus x${n})`, r.objectsPerSec!, "objects/s", ">= 50000", r.objectsPerSec! >= 50_000);
      add(`engine: judging time / JSON.parse time (${n})`, r.ratioToParse! * 100, "%", "<= 25%", r.ratioToParse! <= 0.25);
      add(`engine: wall time (${n})`, r.evalMs! / 1000, "s", n === 100_000 ? "<= 5 s" : "-", n !== 100_000 || r.evalMs! <= 5000);
      add(`engine: process peak RSS (${n})`, r.rssMb!, "MiB", "-", true);
    }
  },
  reader() {
    for (const n of [10_000, 100_000]) {
      const r = measure("bench/reader.bench.ts", [String(n)]);
      add(`reader: read ${n}-object cluster over HTTPS`, r.wallMs! / 1000, "s", n === 10_000 ? "<= 2 s" : "-", n !== 10_000 || r.wallMs! <= 2000);
      add(`reader: objects per second (${n})`, r.objectsPerSec!, "objects/s", "-", true);
      add(`reader: peak RSS (${n})`, r.peakRssMb!, "MiB", n === 10_000 ? "<= 512 MiB" : "<= 1024 MiB", r.peakRssMb! <= (n === 10_000 ? 512 : 1024));
    }
  },
};

for (const [name, fn] of Object.entries(sections)) {
  if (only && only !== name) continue;
  try {
    fn();
  } catch (err) {
    process.stderr.write(`bench ${name} failed: ${(err as Error).message}\n`);
    add(`${name}: failed to run`, 0, "-", "runs", false);
  }
}

const w = Math.max(...results.map((r) => r.name.length));
process.stdout.write(`\n${"measure".padEnd(w)}  ${"median".padStart(12)}  unit        target        met\n`);
for (const r of results) {
  process.stdout.write(`${r.name.padEnd(w)}  ${String(r.value).padStart(12)}  ${r.unit.padEnd(10)}  ${r.target.padEnd(12)}  ${r.met ? "yes" : "NO"}\n`);
}
writeFileSync(path.join(HERE, "results.json"), JSON.stringify(results, null, 2) + "\n");
process.stdout.write(`\nwrote bench/results.json (${RUNS} runs each, medians)\n`);
