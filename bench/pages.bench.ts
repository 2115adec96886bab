// Dashboard page latency at fleet scale, through HTTP with a signed-in session: builds the web app
// into its own dist dir (only when its sources changed since the last bench build), starts
// `next start` on a free port against the seeded bench database (seed-pages.ts), signs in through
// next-auth's credentials flow (CSRF token, callback, session cookie) and times sequential
// requests to each page until the whole response body has arrived (warm-up requests excluded).
// Prints one JSON line: { "<page>.p50": ms, "<page>.p95": ms, "<page>.bytes": n, ... }; a page that
// could not be measured reports "<page>.missing": 1 and its reason on stderr.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ROOT, benchDatabaseUrl, sleep } from "./lib";
import { BENCH_EMAIL, BENCH_PASSWORD } from "./seed-pages";

const WEB = path.join(ROOT, "apps", "web");
const DIST = process.env.BENCH_NEXT_DIST_DIR ?? ".next-bench";
const STAMP = "bench-source-stamp";

/** sha256 over every source file the web build reads (the app and the workspace packages it transpiles). */
function sourceStamp(): string {
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name === "node_modules" || e.name.startsWith(".next") || e.name === ".turbo") continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(tsx?|mjs|js|css|json|svg|prisma)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) h.update(p).update(readFileSync(p));
    }
  };
  for (const d of ["apps/web/src", "packages/db/src", "packages/jobs/src", "packages/k8s/src", "packages/rules/src", "packages/security/src"]) walk(path.join(ROOT, d));
  for (const f of ["apps/web/next.config.ts", "apps/web/package.json", "apps/web/postcss.config.mjs", "package-lock.json"]) if (existsSync(path.join(ROOT, f))) h.update(f).update(readFileSync(path.join(ROOT, f)));
  return h.digest("hex");
}

/** Builds the app into DIST unless a build of the same sources is already there. */
function ensureBuild(): { built: boolean; buildMs: number } {
  const stamp = sourceStamp();
  const stampFile = path.join(WEB, DIST, STAMP);
  // `npm test` passes the build its browser tests just used.
  if (process.env.BENCH_REUSE_BUILD === "1" && existsSync(path.join(WEB, DIST, "BUILD_ID"))) return { built: false, buildMs: 0 };
  if (existsSync(path.join(WEB, DIST, "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return { built: false, buildMs: 0 };
  process.stderr.write(`pages: building the web app into apps/web/${DIST} (sources changed or no build yet; takes a few minutes) ...\n`);
  const t = performance.now();
  const r = spawnSync("npx", ["next", "build"], { cwd: WEB, env: { ...process.env, BULWARK_NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`next build failed:\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-4000)}`);
  writeFileSync(stampFile, stamp);
  return { built: true, buildMs: performance.now() - t };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

class Session {
  private readonly jar = new Map<string, string>();
  constructor(readonly base: string) {}

  private keep(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      this.jar.set(pair!.slice(0, i).trim(), pair!.slice(i + 1));
    }
  }

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const res = await fetch(this.base + url, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
    this.keep(res);
    return res;
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = (await (await this.fetch("/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, email, password, callbackUrl: `${this.base}/overview`, json: "true" }).toString(),
    });
    await res.text();
    if (![...this.jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (HTTP ${res.status}): no session cookie`);
  }
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};

export async function benchPages(requests: number) {
  const build = ensureBuild();
  const port = process.env.BENCH_WEB_PORT ? Number(process.env.BENCH_WEB_PORT) : await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: WEB,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      BULWARK_NEXT_DIST_DIR: DIST,
      DATABASE_URL: benchDatabaseUrl(),
      REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
      BULWARK_QUEUE_PREFIX: process.env.BENCH_QUEUE_PREFIX ?? "bulwark-bench",
      BULWARK_SECRET_KEY: randomBytes(32).toString("base64"),
      NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
      NEXTAUTH_URL: base,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let log = "";
  server.stdout!.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
  server.stderr!.on("data", (d: Buffer) => (log = (log + d.toString()).slice(-20_000)));
  const out: Record<string, number> = { built: build.built ? 1 : 0, buildMs: build.buildMs };
  try {
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error(`next start exited (${server.exitCode}):\n${log}`);
      const ok = await fetch(`${base}/sign-in`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 600) throw new Error(`next start did not answer within 60 s:\n${log}`);
      await sleep(100);
    }
    const s = new Session(base);
    await s.signIn(BENCH_EMAIL, BENCH_PASSWORD);

    const get = async (url: string) => {
      const t = performance.now();
      const res = await s.fetch(url);
      const body = await res.text();
      return { ms: performance.now() - t, status: res.status, body };
    };
    const measure = async (name: string, url: string, expect: RegExp) => {
      const first = await get(url);
      if (first.status !== 200) {
        process.stderr.write(`pages: ${name} not measured: ${url} answered HTTP ${first.status}\n`);
        out[`${name}.missing`] = first.status;
        return null;
      }
      if (!expect.test(first.body)) throw new Error(`${url} did not render the expected page (${expect}); signed out?\n${first.body.slice(0, 500)}`);
      for (let i = 0; i < 2; i++) await get(url); // warm-up: route compilation caches, DB plans, connections
      const times: number[] = [];
      for (let i = 0; i < requests; i++) {
        const r = await get(url);
        if (r.status !== 200) throw new Error(`${url} answered HTTP ${r.status} during the run`);
        times.push(r.ms);
      }
      out[`${name}.p50`] = pct(times, 50);
      out[`${name}.p95`] = pct(times, 95);
      out[`${name}.bytes`] = first.body.length;
      process.stderr.write(`pages: ${name.padEnd(20)} p50 ${pct(times, 50).toFixed(0).padStart(5)} ms  p95 ${pct(times, 95).toFixed(0).padStart(5)} ms  ${(first.body.length / 1024).toFixed(0)} KiB  ${url}\n`);
      return first.body;
    };
    const nextPage = (html: string, route: string) => {
      const m = new RegExp(`href="(/${route}\\?[^"]*cursor=[^"]*)"`).exec(html);
      return m ? m[1]!.replace(/&amp;/g, "&") : null;
    };

    // The cluster with the most findings.
    const clusters = Number(process.env.BENCH_PAGES_CLUSTERS ?? 200);
    let big = 0;
    for (let c = 0; c < clusters; c++) if ((c * 7919) % 2700 > (big * 7919) % 2700) big = c;

    await measure("overview", "/overview", /Posture score/);
    await measure("cluster", `/clusters/bench-c${big}`, /Top open findings/);
    const findingsUrl = "/findings?severity=critical,high&status=open,in_progress";
    const f1 = await measure("findings", findingsUrl, /finding/);
    const f2 = f1 && nextPage(f1, "findings");
    if (f2) await measure("findings page 2", f2, /Showing a later page|finding/);
    else out["findings page 2.missing"] = 1;
    // The remediation queue is the Findings page's "All" tab sorted worst first (was /queue).
    const q1 = await measure("queue", "/findings?tab=all&severity=critical,high", /.+/);
    if (q1) {
      const q2 = nextPage(q1, "queue");
      if (q2) await measure("queue page 2", q2, /.+/);
      else {
        process.stderr.write("pages: queue page 2 not measured: no link with a cursor on the first page\n");
        out["queue page 2.missing"] = 1;
      }
    }
    await measure("trends 365d", "/trends?range=365", /Trends/);
    await measure("compliance", "/compliance", /Compliance/);
    await measure("compliance all", "/compliance?view=all", /Controls by cluster/);
    return out;
  } finally {
    // Stop the whole process group (npx -> node next start).
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    for (let i = 0; i < 50 && server.exitCode === null && server.signalCode === null; i++) await sleep(100);
    try {
      process.kill(-server.pid!, "SIGKILL");
    } catch {
      // gone
    }
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // `pages.bench.ts build` only makes sure the build is there (run.ts does it once, before the timed runs).
  const r = process.argv[2] === "build" ? ensureBuild() : await benchPages(Number(process.argv[2] ?? 30));
  process.stdout.write(JSON.stringify(r) + "\n");
  process.exit(0);
}
