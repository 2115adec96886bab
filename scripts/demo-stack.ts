// The running demo: three simulated clusters (kube-sim), one worker, the web app on :3000, and a
// demo account whose clusters are onboarded through the web app's own HTTP API with a kubeconfig,
// exactly as a user would add them. Started by scripts/demo.mjs, which prepares the database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hash } from "@node-rs/argon2";
import { createUserWithOrganization, disconnectDb, getUserByEmail } from "@bulwark/db";
import { exportTlsState, importTlsState, scenarios, startKubeSim, type KubeSim } from "@bulwark/kube-sim";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const STATE = path.join(ROOT, ".bulwark", "demo");
const WEB_PORT = Number(process.env.PORT ?? 3000);
const WEB_URL = `http://localhost:${WEB_PORT}`;
const DEMO_EMAIL = "demo@bulwark.local";
const DEMO_CLUSTERS = [
  { scenario: "payments-prod", port: 16443 },
  { scenario: "shop-staging", port: 16444 },
  { scenario: "legacy-onprem", port: 16445 },
] as const;

const say = (msg: string) => process.stdout.write(`[bulwark] ${msg}\n`);

/** A value kept in .bulwark/demo so restarts reuse it (secrets, the demo password). */
function persisted(name: string, make: () => string): string {
  const file = path.join(STATE, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const value = make();
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}

async function waitForHttp(url: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/** Cookie jar just big enough for next-auth's csrf and session cookies. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }
  header() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

async function signIn(email: string, password: string): Promise<Jar> {
  const jar = new Jar();
  const csrfRes = await fetch(`${WEB_URL}/api/auth/csrf`);
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${WEB_URL}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: WEB_URL }),
  });
  jar.take(res);
  if (!jar.header().includes("session-token")) throw new Error(`sign-in as ${email} failed (HTTP ${res.status})`);
  return jar;
}

let cleanup: (code: number) => Promise<void> = async (code) => process.exit(code);

async function main() {
  mkdirSync(STATE, { recursive: true });
  const password = persisted("password", () => randomBytes(9).toString("base64url"));
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    BULWARK_SECRET_KEY: process.env.BULWARK_SECRET_KEY ?? persisted("secret-key", () => randomBytes(32).toString("base64")),
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? persisted("nextauth-secret", () => randomBytes(32).toString("base64")),
    NEXTAUTH_URL: WEB_URL,
    // The simulated clusters listen on 127.0.0.1, which production refuses (SSRF guard).
    BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
    NODE_ENV: "production",
  };

  // 1. Simulated clusters. The CA and tokens are kept across restarts so that the kubeconfigs
  // stored (encrypted) in Bulwark stay valid.
  const tlsFile = path.join(STATE, "kube-sim-tls.json");
  if (existsSync(tlsFile)) importTlsState(JSON.parse(readFileSync(tlsFile, "utf8")));
  const sims: KubeSim[] = [];
  for (const { scenario, port } of DEMO_CLUSTERS) {
    const make = scenarios[scenario];
    if (!make) throw new Error(`kube-sim has no scenario ${scenario}`);
    const { objects, version } = make();
    const identities = [
      { name: "admin", allow: "*" as const, token: persisted(`${scenario}.admin-token`, () => randomBytes(24).toString("hex")) },
      {
        name: "no-secrets",
        allow: [{ group: "*", resource: "*" }],
        deny: [{ group: "", resource: "secrets" }],
        token: persisted(`${scenario}.no-secrets-token`, () => randomBytes(24).toString("hex")),
      },
    ];
    const sim = await startKubeSim({ objects, version, port, clusterName: scenario, seed: 1, identities } as Parameters<typeof startKubeSim>[0]);
    writeFileSync(path.join(STATE, `${scenario}.kubeconfig`), sim.kubeconfig({ allContexts: true }), { mode: 0o600 });
    sims.push(sim);
    say(`kube-sim: ${scenario} (Kubernetes ${version}, ${objects.length} objects) at ${sim.url}`);
  }
  if (!existsSync(tlsFile)) writeFileSync(tlsFile, JSON.stringify(await exportTlsState()), { mode: 0o600 });

  // 2. The demo account (seeded; everything else goes through the product's own paths).
  let user = await getUserByEmail(DEMO_EMAIL);
  if (!user) {
    const created = await createUserWithOrganization({
      email: DEMO_EMAIL,
      name: "Demo Admin",
      passwordHash: await hash(password),
      orgName: "Acme Platform Team",
    });
    user = created.user;
  }
  await disconnectDb();

  // 3. Worker and web app.
  const children: ChildProcess[] = [];
  const startChild = (name: string, cmd: string, args: string[], cwd: string) => {
    const child = spawn(cmd, args, { cwd, env: childEnv, stdio: ["ignore", "inherit", "inherit"], detached: true });
    child.on("exit", (code, signal) => {
      if (!stopping) say(`${name} exited (${signal ?? code}); stopping the demo`);
      void shutdown(1);
    });
    children.push(child);
  };
  let stopping = false;
  const shutdown = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    for (const c of children) {
      try {
        process.kill(-c.pid!, "SIGTERM");
      } catch {
        // already gone
      }
    }
    await Promise.all(sims.map((s) => s.close().catch(() => {})));
    setTimeout(() => process.exit(code), 1500).unref();
  };
  cleanup = shutdown;
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);
  startChild("worker", bin("tsx"), ["apps/worker/src/main.ts"], ROOT);
  startChild("web", bin("next"), ["start", "-p", String(WEB_PORT)], path.join(ROOT, "apps/web"));
  await waitForHttp(`${WEB_URL}/api/auth/csrf`, 90);

  // 4. Onboard the demo clusters through the web app's API, as a user would.
  const jar = await signIn(DEMO_EMAIL, password);
  const existing = (await (await fetch(`${WEB_URL}/api/clusters`, { headers: { cookie: jar.header() } })).json()) as Array<{ name: string }>;
  const have = new Set(existing.map((c) => c.name));
  for (const [i, { scenario }] of DEMO_CLUSTERS.entries()) {
    if (have.has(scenario)) continue;
    const res = await fetch(`${WEB_URL}/api/clusters`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: jar.header(), origin: WEB_URL },
      body: JSON.stringify({ name: scenario, kubeconfig: sims[i]!.kubeconfig({ identity: "admin" }) }),
    });
    if (!res.ok) throw new Error(`adding ${scenario} failed: HTTP ${res.status} ${await res.text()}`);
    say(`added cluster ${scenario}; its first scan is queued`);
  }

  // 5. On a fresh demo, put some remediation work in motion (through the API, as a person would).
  if (have.size === 0) await seedRemediation(jar).catch((err) => say(`(could not seed the remediation examples: ${(err as Error).message})`));
  if (have.size === 0) await seedCompliance(jar).catch((err) => say(`(could not seed the compliance examples: ${(err as Error).message})`));
  if (have.size === 0) await seedAccessReview(jar).catch((err) => say(`(could not seed the access review example: ${(err as Error).message})`));
  if (have.size === 0) await seedVulnerabilities(jar).catch((err) => say(`(could not seed the vulnerability examples: ${(err as Error).message})`));
  if (have.size === 0) await seedFixes(jar, sims).catch((err) => say(`(could not seed the fix example: ${(err as Error).message})`));

  say("");
  say(`Bulwark is running: ${WEB_URL}`);
  say(`Sign in as ${DEMO_EMAIL} with password ${password}`);
  say(`Kubeconfigs of the simulated clusters: .bulwark/demo/*.kubeconfig (kubectl works with them)`);
  say("Press Ctrl+C to stop.");
}

/** Assigns a few critical findings to the demo user, starts work on one and grants an exception. */
async function seedRemediation(jar: Jar): Promise<void> {
  const api = async (pathname: string, body?: unknown) => {
    const res = await fetch(`${WEB_URL}${pathname}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", cookie: jar.header(), origin: WEB_URL },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${pathname}: HTTP ${res.status}`);
    return (await res.json()) as unknown;
  };
  type TRow = { id: string; clusterId?: string; cluster?: { name?: string } };
  const rows = (v: unknown): TRow[] => ((v as { items?: TRow[] }).items ?? []);
  let critical: TRow[] = [];
  for (let i = 0; i < 90 && critical.length < 3; i++) {
    critical = rows(await api("/api/findings?severity=critical&limit=5"));
    if (critical.length < 3) await new Promise((r) => setTimeout(r, 1000));
  }
  for (const f of critical.slice(0, 3)) await api(`/api/findings/${f.id}/assign`, { assigneeId: "me" });
  if (critical[0]) {
    await api(`/api/findings/${critical[0].id}/status`, { status: "in_progress", comment: "Patching the chart; rollout planned this week." });
    await api(`/api/findings/${critical[0].id}/comments`, { body: "Owner agreed: drop the capability and re-run the scan." });
  }
  const low = rows(await api("/api/findings?severity=low&limit=1"))[0];
  if (low) {
    const expires = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
    await api("/api/exceptions", { findingId: low.id, scope: "object", expiresAt: expires, justification: "Vendor image; the vendor fixes this in their next release (ticket SEC-142)." });
  }
  say("assigned three critical findings to you and granted one exception (see Findings → Mine and Exceptions)");
}

/**
 * HIPAA covers the systems that hold ePHI: scopes it to payments-prod and shop-staging, and attests
 * the manual risk-analysis control with a text evidence file, as a compliance lead would.
 */
async function seedCompliance(jar: Jar): Promise<void> {
  const send = async (pathname: string, method: string, body: NonNullable<RequestInit["body"]>, json: boolean) => {
    const res = await fetch(`${WEB_URL}${pathname}`, {
      method,
      headers: { ...(json ? { "content-type": "application/json" } : {}), cookie: jar.header(), origin: WEB_URL },
      body,
    });
    if (!res.ok) throw new Error(`${pathname}: HTTP ${res.status} ${await res.text()}`);
  };
  const clusters = (await (await fetch(`${WEB_URL}/api/clusters`, { headers: { cookie: jar.header() } })).json()) as Array<{ id: string; name: string }>;
  const inScope = clusters.filter((c) => c.name === "payments-prod" || c.name === "shop-staging").map((c) => ({ clusterId: c.id }));
  await send("/api/compliance/hipaa/scope", "PUT", JSON.stringify({ clusters: inScope }), true);
  const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
  const form = new FormData();
  form.set("controlId", "164.308(a)(1)(ii)(A)");
  form.set("statement", "The 2026 risk analysis covers the payments and shop clusters: threats, likelihood and impact per ePHI data flow, reviewed by the security committee on the review date.");
  form.set("owner", "Security committee (Dana Reyes)");
  form.set("reviewedAt", day(-20));
  form.set("expiresAt", day(345));
  form.set("links", "https://wiki.example.com/security/risk-analysis-2026");
  const evidence = "Risk analysis 2026 - summary\n\nScope: payments-prod, shop-staging (ePHI: claims, patient billing).\nMethod: NIST SP 800-30 rev. 1.\nTop risks: exposed admin paths, image supply chain, over-broad RBAC.\nApproved: security committee.\n";
  form.append("files", new Blob([evidence], { type: "text/plain" }), "risk-analysis-2026-summary.txt");
  await send("/api/compliance/hipaa/attestations", "POST", form, false);
  say("scoped HIPAA to payments-prod and shop-staging and attested its risk analysis (see Compliance)");
}

/**
 * The demo's Trivy Operator reports cover the shop's own images; Grafana's image is scanned in CI
 * instead: imports its Trivy JSON (`trivy image -f json`, pinned to the digest the cluster runs) as
 * a pipeline would, then records that its POWER-only OpenSSL CVE is not affected on these nodes.
 */
async function seedVulnerabilities(jar: Jar): Promise<void> {
  const api = async <T>(pathname: string, body?: string, json = true): Promise<T> => {
    const res = await fetch(`${WEB_URL}${pathname}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { ...(json ? { "content-type": "application/json" } : {}), cookie: jar.header(), origin: WEB_URL },
      ...(body === undefined ? {} : { body }),
    });
    if (!res.ok) throw new Error(`${pathname}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  // The digest comes from the inventory the first scans build (pods' status imageID).
  type TImage = { registry: string; repository: string; tag: string; digest: string };
  let grafana: TImage | undefined;
  for (let i = 0; i < 120 && !grafana?.digest; i++) {
    const { items } = await api<{ items?: TImage[] }>("/api/images?view=image&q=grafana&limit=20");
    grafana = (items ?? []).find((x) => x.repository === "grafana/grafana" && x.tag === "10.2.3");
    if (!grafana?.digest) await new Promise((r) => setTimeout(r, 1000));
  }
  if (!grafana?.digest) throw new Error("grafana/grafana:10.2.3 is not in the image inventory yet");
  const ref = `grafana/grafana:10.2.3@${grafana.digest}`;
  const imported = await api<{ vulnCount: number; matches: { workloads: number; by: string } }>(`/api/images/import?image=${encodeURIComponent(ref)}`, JSON.stringify(grafanaTrivyReport(grafana.digest)));
  await api("/api/cve-exceptions", JSON.stringify({
    cve: "CVE-2023-6129",
    state: "not_affected",
    justification: "vulnerable_code_not_in_execute_path",
    repository: "docker.io/grafana/grafana",
    note: "POWER10-only POLY1305 code in OpenSSL; every node is amd64 (checked against the node pools, ticket SEC-207).",
  }));
  say(`imported Grafana's Trivy report from CI (${imported.vulnCount} CVEs, matched by ${imported.matches.by} on ${imported.matches.workloads} workload(s)) and marked CVE-2023-6129 not affected (see Images)`);
}

/**
 * Gives shop-staging a write credential (its kube-sim admin, as an operator would paste a
 * patch-capable kubeconfig) and proposes the fix of its privileged log shipper, so Fixes shows a
 * request waiting for an admin's approval (approving it in the demo patches the simulated cluster).
 */
async function seedFixes(jar: Jar, sims: KubeSim[]): Promise<void> {
  const api = async <T>(pathname: string, method: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${WEB_URL}${pathname}`, {
      method,
      headers: { "content-type": "application/json", cookie: jar.header(), origin: WEB_URL },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${pathname}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const i = DEMO_CLUSTERS.findIndex((c) => c.scenario === "shop-staging");
  const clusters = await api<Array<{ id: string; name: string }>>("/api/clusters", "GET");
  const shop = clusters.find((c) => c.name === "shop-staging");
  if (!shop || i < 0) throw new Error("shop-staging is not there");
  await api(`/api/clusters/${shop.id}/write-credential`, "PUT", { kubeconfig: sims[i]!.kubeconfig({ identity: "admin" }) });
  type TRow = { id: string; name?: string; namespace?: string | null };
  let privileged: TRow | undefined;
  for (let n = 0; n < 90 && !privileged; n++) {
    const { items } = await api<{ items?: TRow[] }>(`/api/findings?cluster=${shop.id}&rule=privileged-container&limit=5`, "GET");
    privileged = items?.[0];
    if (!privileged) await new Promise((r) => setTimeout(r, 1000));
  }
  if (!privileged) throw new Error("no privileged-container finding on shop-staging yet");
  await api("/api/fixes", "POST", { findingIds: [privileged.id], reason: "The log shipper only reads /var/log: it needs no privilege. Apply in tonight's window." });
  say("gave shop-staging a write credential and proposed a fix for an admin to approve (see Fixes)");
}

/** What `trivy image -f json grafana/grafana:10.2.3` (Trivy 0.48, schema 2) reports for the image, trimmed to four findings. */
function grafanaTrivyReport(digest: string): unknown {
  const nvd = (vector: string, score: number) => ({ nvd: { V3Vector: vector, V3Score: score } });
  const layer = { DiffID: "sha256:5af4f8f59b764c64c6def53f52ada809fe38d528441d08d01c206dfb3fc3b691" };
  return {
    SchemaVersion: 2,
    CreatedAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    ArtifactName: "grafana/grafana:10.2.3",
    ArtifactType: "container_image",
    Metadata: {
      OS: { Family: "alpine", Name: "3.18.5" },
      ImageID: "sha256:a7f4bd9b2e5f1e2c36bbb0a2c0d4a6a8a05f7ba2f8c2e0d1d8a3e9b1c0f4e2d1",
      DiffIDs: [layer.DiffID],
      RepoTags: ["grafana/grafana:10.2.3"],
      RepoDigests: [`grafana/grafana@${digest}`],
    },
    Results: [
      {
        Target: "grafana/grafana:10.2.3 (alpine 3.18.5)",
        Class: "os-pkgs",
        Type: "alpine",
        Vulnerabilities: [
          {
            VulnerabilityID: "CVE-2023-6129", PkgID: "libcrypto3@3.1.4-r1", PkgName: "libcrypto3", InstalledVersion: "3.1.4-r1", FixedVersion: "3.1.4-r3", Status: "fixed", Layer: layer,
            SeveritySource: "nvd", PrimaryURL: "https://avd.aquasec.com/nvd/cve-2023-6129", DataSource: { ID: "alpine", Name: "Alpine Secdb", URL: "https://secdb.alpinelinux.org/" },
            Title: "openssl: POLY1305 MAC implementation corrupts vector registers on PowerPC", Severity: "MEDIUM", CweIDs: ["CWE-787"], CVSS: nvd("CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:H/A:H", 6.5),
          },
          {
            VulnerabilityID: "CVE-2024-0727", PkgID: "libssl3@3.1.4-r1", PkgName: "libssl3", InstalledVersion: "3.1.4-r1", FixedVersion: "3.1.4-r5", Status: "fixed", Layer: layer,
            SeveritySource: "nvd", PrimaryURL: "https://avd.aquasec.com/nvd/cve-2024-0727", DataSource: { ID: "alpine", Name: "Alpine Secdb", URL: "https://secdb.alpinelinux.org/" },
            Title: "openssl: denial of service via null dereference", Severity: "MEDIUM", CweIDs: ["CWE-476"], CVSS: nvd("CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H", 5.5),
          },
        ],
      },
      {
        Target: "usr/share/grafana/bin/grafana",
        Class: "lang-pkgs",
        Type: "gobinary",
        Vulnerabilities: [
          {
            VulnerabilityID: "CVE-2024-24790", PkgID: "stdlib@1.21.5", PkgName: "stdlib", InstalledVersion: "1.21.5", FixedVersion: "1.21.11, 1.22.4", Status: "fixed", Layer: layer,
            SeveritySource: "nvd", PrimaryURL: "https://avd.aquasec.com/nvd/cve-2024-24790", DataSource: { ID: "govulndb", Name: "The Go Vulnerability Database", URL: "https://pkg.go.dev/vuln/" },
            Title: "golang: net/netip: Unexpected behavior from Is methods for IPv4-mapped IPv6 addresses", Severity: "CRITICAL", CweIDs: ["CWE-115"], CVSS: nvd("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", 9.8),
          },
          {
            VulnerabilityID: "CVE-2023-45288", PkgID: "stdlib@1.21.5", PkgName: "stdlib", InstalledVersion: "1.21.5", FixedVersion: "1.21.9, 1.22.2", Status: "fixed", Layer: layer,
            SeveritySource: "nvd", PrimaryURL: "https://avd.aquasec.com/nvd/cve-2023-45288", DataSource: { ID: "govulndb", Name: "The Go Vulnerability Database", URL: "https://pkg.go.dev/vuln/" },
            Title: "golang: net/http, x/net/http2: unlimited number of CONTINUATION frames causes DoS", Severity: "HIGH", CweIDs: ["CWE-400"], CVSS: nvd("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H", 7.5),
          },
        ],
      },
    ],
  };
}

/**
 * Starts the quarter's access review once every cluster's access model is built, and marks two
 * subjects of legacy-onprem as a reviewer would: one kept, one revoked. The review stays open.
 */
async function seedAccessReview(jar: Jar): Promise<void> {
  const api = async <T>(pathname: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${WEB_URL}${pathname}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json", cookie: jar.header(), origin: WEB_URL },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${pathname}: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  type TOverview = { clusters: Array<{ builtAt: string | null }> };
  for (let i = 0; i < 120; i++) {
    const overview = await api<TOverview>("/api/access/overview");
    if (overview.clusters.length >= DEMO_CLUSTERS.length && overview.clusters.every((c) => c.builtAt)) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const due = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const { id } = await api<{ id: string }>("/api/access/reviews", { title: "Q4 2026 access review", dueAt: due, validDays: 90 });
  type TItem = { id: string; clusterName: string; subject: { kind: string; name: string } };
  const review = await api<{ items: TItem[] }>(`/api/access/reviews/${id}`);
  const legacy = review.items.filter((i) => i.clusterName === "legacy-onprem");
  const user = legacy.find((i) => i.subject.kind === "User");
  const account = legacy.find((i) => i.subject.kind === "ServiceAccount" && i.subject.name === "jenkins") ?? legacy.find((i) => i.subject.kind === "ServiceAccount");
  if (account) await api(`/api/access/reviews/${id}/items/${account.id}`, { decision: "keep", note: "Jenkins deploys to every namespace; owner: platform team. Narrow to per-namespace roles next quarter." });
  if (user) await api(`/api/access/reviews/${id}/items/${user.id}`, { decision: "revoke", note: "Left the team in October; remove the binding (ticket OPS-311)." });
  say("started the Q4 access review and marked two subjects of legacy-onprem (see Access → Reviews)");
}

main().catch((err) => {
  process.stderr.write(`[bulwark] demo failed: ${err instanceof Error ? err.message : String(err)}\n`);
  void cleanup(1);
});
