// Tickets end to end on real parts: Postgres, Redis (BullMQ with real retries), and local HTTPS
// fakes of Jira Cloud REST v3 and GitHub's issues API that check auth headers and request shapes
// as documented. Private networks are allowed here because the fakes listen on loopback; the SSRF
// cases turn that off.
import type { Finding as EngineFinding, KindReadResult, RuleStatus, Severity } from "@bulwark/rules";
import { decryptCredential, parseKeyring } from "@bulwark/security";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkerContext } from "../context";
import { dropDatabase, freshDatabase, REDIS_URL, testSecretKey, waitFor } from "../test-helpers";
import { GithubFake } from "./fakes/github-fake";
import { JiraFake, adfProblem } from "./fakes/jira-fake";
import { loopbackTls } from "./fakes/fake-server";

const DB = "bulwark_be_tickets";
const SECRET_KEY = testSecretKey();
Object.assign(process.env, {
  DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/${DB}`,
  REDIS_URL,
  BULWARK_QUEUE_PREFIX: "tickets-it",
  BULWARK_SECRET_KEY: SECRET_KEY,
  BULWARK_ALLOW_PRIVATE_NETWORKS: "true",
});

type Db = typeof import("@bulwark/db");
type Jobs = typeof import("@bulwark/jobs");
type Tickets = typeof import("./index");
let db: Db;
let jobs: Jobs;
let tickets: Tickets;
const keyring = parseKeyring(SECRET_KEY);
const APP = "https://bulwark.example.com";
const JIRA_TOKEN = "jira-api-token-0123456789";
const GH_TOKEN = "ghp_fake0123456789abcdefghijklmnopqrstu";

let tls: { key: string; cert: string };
let jira: JiraFake;
let github: GithubFake;
let ctx: WorkerContext;
let worker: { close(): Promise<void> } | undefined;
let orgId: string;
let userId: string;
let otherOrgId: string;
let otherUserId: string;
let clusterId: string;
const logs: string[] = [];

const SEVS: Severity[] = ["critical", "high", "medium", "low", "info"];
const kinds: KindReadResult[] = [{ resource: "deployments", kind: "Deployment", status: "read", count: 3 }];
const FIX = { type: "merge-patch" as const, content: '{"spec":{"template":{"spec":{"containers":[{"name":"app","securityContext":{"privileged":false}}]}}}}', description: "Stop running privileged" };

function privileged(name: string, severity: Severity = "critical"): EngineFinding {
  return {
    ruleId: "privileged-container",
    severity,
    object: { apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name, uid: `uid-${name}` },
    path: "spec.template.spec.containers[0].securityContext.privileged",
    observed: "true",
    message: `Container "app" runs privileged.`,
    remediation: "Remove securityContext.privileged.",
    fix: FIX,
    fingerprint: `fp-${name}`,
  };
}

/** A stored scan of the cluster that finds exactly `fs` (the rule was judged). */
async function scan(fs: EngineFinding[]): Promise<string> {
  const s = await db.createScan({ orgId, clusterId, trigger: "manual" });
  await db.claimScan({ orgId, scanId: s.id, workerId: "w" });
  const rules: RuleStatus[] = [{ id: "privileged-container", status: fs.length ? "failed" : "passed", findings: fs.length }];
  const counts = Object.fromEntries(SEVS.map((v) => [v, fs.filter((f) => f.severity === v).length])) as Record<Severity, number>;
  await db.recordScanResults({ orgId, scanId: s.id, workerId: "w", result: { findings: fs, rules, score: 50, counts, objectCount: fs.length }, kinds, objects: [] });
  return s.id;
}

const findingId = async (name: string) => (await db.db.finding.findFirstOrThrow({ where: { orgId, clusterId, fingerprint: `fp-${name}` } })).id;
const deps = () => ({ ca: tls.cert, appUrl: APP, timeoutMs: 5000 });
const deliver = (ticketId: string, action: "create" | "close" | "comment", extra: { comment?: string; attempts?: number; attemptsMade?: number } = {}) =>
  tickets.processTicketJob(
    { name: jobs.TICKET_DELIVERY_JOB_NAME, data: { orgId, ticketId, action, ...(extra.comment ? { comment: extra.comment } : {}) }, attemptsMade: extra.attemptsMade ?? 0, opts: { attempts: extra.attempts ?? 5 } },
    ctx,
    deps(),
  );

async function jiraIntegration(name: string, extra: Record<string, unknown> = {}) {
  return db.createTicketIntegration({ orgId, actorId: userId, ip: "203.0.113.7", name, kind: "jira", baseUrl: jira.url, project: "sec", username: "bot@example.com", token: JIRA_TOKEN, ...extra });
}
async function githubIntegration(name: string, extra: Record<string, unknown> = {}) {
  return db.createTicketIntegration({ orgId, actorId: userId, name, kind: "github", baseUrl: github.url, project: "acme/platform", token: GH_TOKEN, ...extra });
}

beforeAll(async () => {
  tls = loopbackTls();
  jira = await new JiraFake(tls, { email: "bot@example.com", token: JIRA_TOKEN, projects: ["SEC"] }).start();
  github = await new GithubFake(tls, { token: GH_TOKEN, repos: ["acme/platform"] }).start();
  await freshDatabase(DB);
  db = await import("@bulwark/db");
  jobs = await import("@bulwark/jobs");
  tickets = await import("./index");
  await jobs.getQueue(jobs.QUEUE_TICKET).obliterate({ force: true });
  const a = await db.createUserWithOrganization({ email: "tickets@example.com", passwordHash: null, orgName: "Tickets Org" });
  const b = await db.createUserWithOrganization({ email: "other-tickets@example.com", passwordHash: null, orgName: "Other Org" });
  orgId = a.org.id;
  userId = a.user.id;
  otherOrgId = b.org.id;
  otherUserId = b.user.id;
  clusterId = (await db.createCluster({ orgId, actorId: userId, name: "prod-eu", server: "https://k.example", credentialCipher: "x", credentialKeyId: "k1" })).id;
  ctx = { workerId: "tickets-test", keyring, allowPrivateNetworks: true, staleMs: 5000, scanDeadlineMs: 10_000, log: (msg, data) => logs.push(`${msg} ${JSON.stringify(data ?? {})}`) };
  const w = jobs.getQueueConnection().createWorker(jobs.QUEUE_TICKET, (job) => tickets.processTicketJob(job, ctx, deps()), { concurrency: 2 });
  await w.waitUntilReady();
  worker = w;
}, 120_000);

afterAll(async () => {
  await worker?.close();
  await jobs?.closeQueues();
  await db?.disconnectDb();
  await jira?.stop();
  await github?.stop();
  await dropDatabase(DB);
});

describe("ticket integrations", () => {
  it("refuses bad input with clear messages, a private URL without BULWARK_ALLOW_PRIVATE_NETWORKS, and http", async () => {
    const base = { orgId, actorId: userId, name: "x", token: "t0ken" };
    await expect(db.createTicketIntegration({ ...base, kind: "jira", baseUrl: jira.url, project: "SEC", username: "bot@example.com", allowPrivateNetworks: false })).rejects.toThrow(/baseUrl refused: .*127\.0\.0\.1/);
    await expect(db.createTicketIntegration({ ...base, kind: "github", baseUrl: "https://169.254.169.254/", project: "a/b", allowPrivateNetworks: false })).rejects.toThrow(/baseUrl refused/);
    await expect(db.createTicketIntegration({ ...base, kind: "github", baseUrl: "http://api.github.com", project: "a/b", allowPrivateNetworks: false })).rejects.toThrow(/must use https/);
    await expect(db.createTicketIntegration({ ...base, kind: "github", baseUrl: github.url, project: "just-a-repo" })).rejects.toThrow(/owner\/repo/);
    await expect(db.createTicketIntegration({ ...base, kind: "jira", baseUrl: jira.url, project: "1SEC", username: "bot@example.com" })).rejects.toThrow(/Jira project key/);
    await expect(db.createTicketIntegration({ ...base, kind: "jira", baseUrl: jira.url, project: "SEC" })).rejects.toThrow(/account email/);
    await expect(db.createTicketIntegration({ ...base, kind: "github", baseUrl: github.url, project: "a/b", token: "two words" })).rejects.toThrow(/token/);
    await expect(db.createTicketIntegration({ ...base, kind: "slack" as never, baseUrl: github.url, project: "a/b" })).rejects.toThrow(/kind/);
    for (const e of [db.DomainError]) expect(e).toBeDefined();
    expect(await db.listTicketIntegrations({ orgId })).toHaveLength(0);
  });

  it("stores the token encrypted, never returns it, audits create/update/delete without it", async () => {
    const view = await jiraIntegration("Sealed");
    expect(view).toMatchObject({ kind: "jira", project: "SEC", baseUrl: jira.url, username: "bot@example.com", tokenSet: true, enabled: true });
    expect(JSON.stringify(view)).not.toContain(JIRA_TOKEN);
    expect(Object.keys(view)).not.toContain("tokenCipher");
    const row = await db.db.ticketIntegration.findUniqueOrThrow({ where: { id: view.id } });
    expect(row.tokenCipher).not.toContain(JIRA_TOKEN);
    expect(decryptCredential(row.tokenCipher, keyring)).toBe(JIRA_TOKEN);
    const listed = await db.listTicketIntegrations({ orgId });
    expect(JSON.stringify(listed)).not.toContain(JIRA_TOKEN);
    expect(JSON.stringify(listed)).not.toContain(row.tokenCipher);

    // token omitted keeps it; a new one replaces it
    await db.updateTicketIntegration({ orgId, actorId: userId, id: view.id, doneTransition: "Closed" });
    expect((await db.db.ticketIntegration.findUniqueOrThrow({ where: { id: view.id } })).tokenCipher).toBe(row.tokenCipher);
    await db.updateTicketIntegration({ orgId, actorId: userId, id: view.id, token: "rotated-token" });
    expect(decryptCredential((await db.db.ticketIntegration.findUniqueOrThrow({ where: { id: view.id } })).tokenCipher, keyring)).toBe("rotated-token");
    await expect(jiraIntegration("Sealed")).rejects.toThrow(/already exists/);
    await db.deleteTicketIntegration({ orgId, actorId: userId, id: view.id });

    const audits = await db.db.auditLog.findMany({ where: { orgId, targetId: view.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["ticket_integration.create", "ticket_integration.update", "ticket_integration.update", "ticket_integration.delete"]);
    expect(audits[2]!.data).toMatchObject({ changed: { token: "replaced" } });
    expect(JSON.stringify(audits)).not.toMatch(new RegExp(`${JIRA_TOKEN}|rotated-token`));
  });

  it("another organization can neither see nor use an integration", async () => {
    const view = await githubIntegration("Private to A");
    await scan([privileged("web")]);
    const f = await findingId("web");
    expect(await db.listTicketIntegrations({ orgId: otherOrgId })).toEqual([]);
    await expect(db.updateTicketIntegration({ orgId: otherOrgId, actorId: otherUserId, id: view.id, name: "stolen" })).rejects.toThrow(/not found/);
    await expect(db.deleteTicketIntegration({ orgId: otherOrgId, actorId: otherUserId, id: view.id })).rejects.toThrow(/not found/);
    await expect(db.createTicket({ orgId: otherOrgId, actorId: otherUserId, integrationId: view.id, source: "finding", findingId: f })).rejects.toThrow(/not found/);
    // B's own integration cannot reach A's finding either
    const own = await db.createTicketIntegration({ orgId: otherOrgId, actorId: otherUserId, name: "B's", kind: "github", baseUrl: github.url, project: "b/repo", token: "b-token" });
    await expect(db.createTicket({ orgId: otherOrgId, actorId: otherUserId, integrationId: own.id, source: "finding", findingId: f })).rejects.toThrow(/finding not found/);
    const { ticket } = await db.createTicket({ orgId, actorId: userId, integrationId: view.id, source: "finding", findingId: f });
    expect(await db.listTickets({ orgId: otherOrgId, findingId: f })).toEqual([]);
    const asB = await tickets.processTicketJob({ name: jobs.TICKET_DELIVERY_JOB_NAME, data: { orgId: otherOrgId, ticketId: ticket.id, action: "create" } }, ctx, deps());
    expect(asB).toMatchObject({ outcome: "skipped" });
    await db.deleteTicketIntegration({ orgId, actorId: userId, id: view.id });
  });
});

describe("Jira", () => {
  it("creates one issue per finding (idempotent), with ADF evidence and the fix, then comments and closes it", async () => {
    const integ = await jiraIntegration("Jira SEC");
    await scan([privileged("web"), privileged("api", "high")]);
    const f = await findingId("web");
    const first = await db.createTicket({ orgId, actorId: userId, integrationId: integ.id, source: "finding", findingId: f, ip: "203.0.113.7" });
    expect(first.created).toBe(true);
    expect(first.ticket).toMatchObject({ status: "pending", kind: "jira", integrationName: "Jira SEC", title: "[critical] Privileged container: Deployment shop/web (prod-eu)", findingIds: [f] });
    const again = await db.createTicket({ orgId, actorId: userId, integrationId: integ.id, source: "finding", findingId: f });
    expect(again).toMatchObject({ created: false, ticket: { id: first.ticket.id } });

    expect(await deliver(first.ticket.id, "create")).toMatchObject({ outcome: "created", key: "SEC-1" });
    expect(await deliver(first.ticket.id, "create")).toMatchObject({ outcome: "skipped" });
    const creates = jira.server.callsTo("POST", /^\/rest\/api\/3\/issue$/);
    expect(creates).toHaveLength(1);
    const call = creates[0]!;
    expect(call.headers.authorization).toBe(`Basic ${Buffer.from(`bot@example.com:${JIRA_TOKEN}`).toString("base64")}`);
    const fields = (call.body as { fields: Record<string, unknown> }).fields;
    expect(fields).toMatchObject({ project: { key: "SEC" }, summary: first.ticket.title, issuetype: { name: "Task" }, labels: ["bulwark"] });
    expect(adfProblem(fields.description)).toBeNull();
    const adf = JSON.stringify(fields.description);
    expect(adf).toContain('"type":"codeBlock"');
    expect(adf).toContain('\\"privileged\\":false');
    expect(adf).toContain(`${APP}/findings/${f}`);
    expect(adf).toContain("spec.template.spec.containers[0].securityContext.privileged");

    const [view] = await db.listTickets({ orgId, findingId: f });
    expect(view).toMatchObject({ id: first.ticket.id, status: "open", externalKey: "SEC-1", url: `${jira.url}/browse/SEC-1`, lastError: null });

    expect(await deliver(first.ticket.id, "comment", { comment: "Still there after the deploy." })).toMatchObject({ outcome: "commented" });
    expect(await deliver(first.ticket.id, "close", { comment: "Closing: fixed by hand." })).toMatchObject({ outcome: "closed" });
    const issue = jira.issues.get("SEC-1")!;
    expect(issue.status.name).toBe("Done");
    expect(issue.comments).toHaveLength(2);
    for (const c of issue.comments) expect(adfProblem(c.body)).toBeNull();
    expect(jira.server.callsTo("GET", /\/SEC-1\/transitions$/)).toHaveLength(1);
    expect(jira.server.callsTo("POST", /\/SEC-1\/transitions$/)[0]!.body).toEqual({ transition: { id: "31" } });
    expect(await db.getTicket({ orgId, id: first.ticket.id })).toMatchObject({ status: "closed", remoteStatus: "Done" });
  });

  it("a 400 is final: one attempt, the ticket failed, Jira's message shown", async () => {
    const integ = await jiraIntegration("Jira Epic", { issueType: "Epic" });
    const f = await findingId("api");
    const { ticket } = await db.createTicket({ orgId, actorId: userId, integrationId: integ.id, source: "finding", findingId: f });
    const before = jira.server.callsTo("POST", /^\/rest\/api\/3\/issue$/).length;
    expect(await deliver(ticket.id, "create", { attempts: 5, attemptsMade: 0 })).toMatchObject({ outcome: "failed" });
    expect(jira.server.callsTo("POST", /^\/rest\/api\/3\/issue$/).length).toBe(before + 1);
    const after = await db.getTicket({ orgId, id: ticket.id });
    expect(after?.status).toBe("failed");
    expect(after?.lastError).toMatch(/Jira answered 400: issuetype: Specify a valid issue type/);
    await db.updateTicketIntegration({ orgId, actorId: userId, id: integ.id, enabled: false });
  });
});

describe("GitHub", () => {
  it("retries after a 500 through the queue, with the documented headers and a Markdown body", async () => {
    const integ = await githubIntegration("GitHub platform");
    const f = await findingId("api");
    const { ticket, created } = await db.createTicket({ orgId, actorId: userId, integrationId: integ.id, source: "finding", findingId: f });
    expect(created).toBe(true);
    github.server.failNext(1, { status: 500, body: { message: "Server Error" }, match: /^POST \/repos\/acme\/platform\/issues$/ });
    await jobs.enqueueTicketDelivery({ orgId, ticketId: ticket.id, action: "create" }, { backoffMs: 100 });
    const done = await waitFor("the GitHub issue", async () => {
      const t = await db.getTicket({ orgId, id: ticket.id });
      return t?.status === "open" ? t : null;
    });
    expect(done).toMatchObject({ externalKey: "1", url: "https://github.com/acme/platform/issues/1", lastError: null });
    const posts = github.server.callsTo("POST", /^\/repos\/acme\/platform\/issues$/);
    expect(posts.map((c) => c.status)).toEqual([500, 201]);
    for (const c of posts) {
      expect(c.headers.authorization).toBe(`Bearer ${GH_TOKEN}`);
      expect(c.headers.accept).toBe("application/vnd.github+json");
      expect(c.headers["x-github-api-version"]).toBe("2022-11-28");
    }
    const body = posts[1]!.body as { title: string; body: string; labels: string[] };
    expect(body.title).toBe("[high] Privileged container: Deployment shop/api (prod-eu)");
    expect(body.labels).toEqual(["bulwark"]);
    expect(body.body).toContain("```json\n" + FIX.content + "\n```");
    expect(body.body).toContain(`(${APP}/findings/${f})`);
    expect(body.body).toContain("**Cluster:** prod-eu");
  });

  it("a rate limit (429 Retry-After) is a retry after the wait, not a failure", async () => {
    const integ = await githubIntegration("GitHub limited");
    await scan([privileged("web"), privileged("api", "high"), privileged("batch", "medium")]);
    const { ticket } = await db.createTicket({ orgId, actorId: userId, integrationId: integ.id, source: "finding", findingId: await findingId("batch") });
    github.server.failNext(1, { status: 429, body: { message: "API rate limit exceeded" }, headers: { "retry-after": "1" }, match: /^POST / });
    await expect(deliver(ticket.id, "create", { attempts: 5 })).rejects.toMatchObject({ retryAfterMs: 1000 });
    expect(await db.getTicket({ orgId, id: ticket.id })).toMatchObject({ status: "pending", lastError: expect.stringMatching(/rate limited/) });
    // held: the next attempt within the second does not call GitHub
    const calls = github.calls.length;
    await expect(deliver(ticket.id, "create")).rejects.toThrow(/asked to wait/);
    expect(github.calls.length).toBe(calls);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await deliver(ticket.id, "create")).toMatchObject({ outcome: "created" });
    await db.updateTicketIntegration({ orgId, actorId: userId, id: integ.id, enabled: false });
  });
});

describe("two-way status", () => {
  it("closed by a person -> findings resolved pending verification -> the next scan reopens what is still there", async () => {
    const integ = await githubIntegration("GitHub sync");
    await scan([privileged("web"), privileged("api", "high"), privileged("batch", "medium")]);
    const { ticket } = await db.createTicket({ orgId, actorId: userId, integrationId: integ.id, source: "rule", ruleId: "privileged-container", clusterId });
    expect(ticket.title).toBe("[critical] Privileged container: 3 findings (prod-eu)");
    expect(ticket.findingIds).toHaveLength(3);
    const created = await deliver(ticket.id, "create");
    const n = Number(created.key);
    const body = (github.issue("acme/platform", n)!.body ?? "");
    expect(body).toContain("### Findings (3)");
    // listed on each finding through the rule ticket
    expect((await db.listTickets({ orgId, findingId: await findingId("batch") })).map((t) => t.id)).toContain(ticket.id);

    // nothing changed remotely: the sync only records the status
    expect(await tickets.processTicketJob({ name: jobs.TICKET_SYNC_JOB_NAME, data: { orgId } }, ctx, deps())).toMatchObject({ outcome: "synced", closed: 0 });
    github.closeByPerson("acme/platform", n);
    const synced = await tickets.processTicketJob({ name: jobs.TICKET_SYNC_JOB_NAME, data: { orgId, integrationId: integ.id } }, ctx, deps());
    expect(synced).toMatchObject({ outcome: "synced", closed: 1, resolved: 3 });
    expect(await db.getTicket({ orgId, id: ticket.id })).toMatchObject({ status: "closed", remoteStatus: "closed (completed)" });
    const web = await db.db.finding.findUniqueOrThrow({ where: { id: await findingId("web") } });
    expect(web.status).toBe("resolved");
    const ev = await db.db.findingEvent.findFirstOrThrow({ where: { findingId: web.id, type: "ticket_closed" } });
    expect(ev.data).toMatchObject({ ticketId: ticket.id, url: `https://github.com/acme/platform/issues/${n}`, pendingVerification: true });
    expect((await db.getTicketIntegration({ orgId, id: integ.id }))?.lastStatus).toBe("ok");

    // the next scan still sees web and api (batch was really fixed): they reopen
    const s = await scan([privileged("web"), privileged("api", "high")]);
    expect((await db.db.finding.findUniqueOrThrow({ where: { id: web.id } })).status).toBe("reopened");
    expect((await db.db.finding.findUniqueOrThrow({ where: { id: await findingId("batch") } })).status).toBe("resolved");
    // ... and the closed issue hears of it, and is reopened (GitHub)
    await tickets.afterScanTickets(ctx.log, { orgId, clusterId, scanId: s }, { backoffMs: 100 });
    await waitFor("the reopen", async () => (await db.getTicket({ orgId, id: ticket.id }))?.status === "open");
    const issue = github.issue("acme/platform", n)!;
    expect(issue.state).toBe("open");
    expect(issue.comments.at(-1)?.body).toMatch(new RegExp(`^Reopened: Bulwark's scan ${s} of prod-eu finds 2 of this ticket's findings again`));
    await db.updateTicketIntegration({ orgId, actorId: userId, id: integ.id, enabled: false });
  });

  it("a scan that resolves every finding of a ticket closes it with a comment (Jira)", async () => {
    const integ = await jiraIntegration("Jira scan-close");
    await scan([privileged("web"), privileged("api", "high")]);
    const f = await findingId("web");
    const { ticket } = await db.createTicket({ orgId, actorId: userId, integrationId: integ.id, source: "finding", findingId: f });
    const { key } = await deliver(ticket.id, "create");
    // a scan that still finds it: nothing to do
    const s1 = await scan([privileged("web"), privileged("api", "high")]);
    await tickets.afterScanTickets(ctx.log, { orgId, clusterId, scanId: s1 }, { backoffMs: 100 });
    const s2 = await scan([privileged("api", "high")]);
    await tickets.afterScanTickets(ctx.log, { orgId, clusterId, scanId: s2 }, { backoffMs: 100 });
    await tickets.afterScanTickets(ctx.log, { orgId, clusterId, scanId: s2 }, { backoffMs: 100 });
    await waitFor("the close", async () => (await db.getTicket({ orgId, id: ticket.id }))?.status === "closed");
    const issue = jira.issues.get(String(key))!;
    expect(issue.status.name).toBe("Done");
    expect(issue.comments).toHaveLength(1);
    expect(JSON.stringify(issue.comments[0]!.body)).toContain(`Resolved: Bulwark's scan ${s2} of prod-eu no longer finds Deployment shop/web's finding.`);
    const row = await db.db.ticket.findUniqueOrThrow({ where: { id: ticket.id } });
    expect(row.closedByBulwark).toBe(true);
  });
});
