// /api/ticket-integrations, /api/tickets and /api/admission-policies through their route files, with
// API tokens against real Postgres and Redis: an admin adds GitHub and Jira integrations (the token
// never comes back, bad fields are 400 with the reason, a read token is 403), edits keep the token,
// a finding's ticket is 201 then 200 (one per subject) and its delivery job is queued; another
// organization gets 404 for every id of the first; the admission policy download is YAML with the
// organization's exceptions, allowed registries and custom rules, and its options are checked.
import { QUEUE_TICKET, closeQueues, getQueue } from "@bulwark/jobs";
import { parseAllDocuments } from "yaml";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { dropDatabase, useFreshDatabase } from "../../../../../../packages/db/src/test-db";

const DB = "bulwark_be_h6_tickets_api";
process.env.BULWARK_SECRET_KEY ??= "test-secret-key-that-is-at-least-32-characters";
process.env.NEXTAUTH_SECRET ??= "test-nextauth-secret-at-least-32-characters";
process.env.REDIS_URL ??= "redis://127.0.0.1:6379";
// The fake issue trackers of this test live on loopback; the worker (not run here) would call them.
process.env.BULWARK_ALLOW_PRIVATE_NETWORKS = "true";
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type TJson = Record<string, unknown>;
let m: typeof import("@bulwark/db");
const h: Record<string, Handler> = {};
let orgA: string;
let clusterA: string;
let findingA: string;
let readA: string;
let memberA: string;
let adminA: string;
let adminB: string;
const SECRET = "ghp_h6SecretTokenThatMustNeverComeBack0001";
const JIRA_SECRET = "ATATT3xFfGF0h6JiraTokenNeverShown";

async function call(handler: string, token: string, opts: { url: string; method?: string; body?: unknown; params?: Record<string, string> }) {
  const headers: Record<string, string> = { host: "app.test", authorization: `Bearer ${token}`, ...(opts.body !== undefined ? { "content-type": "application/json" } : {}) };
  const res = await h[handler]!(
    new Request(`http://app.test${opts.url}`, { method: opts.method ?? "GET", headers, ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}) }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
  const text = await res.text();
  let json: TJson = {};
  try {
    json = JSON.parse(text) as TJson;
  } catch {
    json = { text };
  }
  return { status: res.status, json, text, headers: res.headers };
}

beforeAll(async () => {
  await useFreshDatabase(DB);
  m = await import("@bulwark/db");
  const files = {
    integrations: import("../../../app/api/ticket-integrations/route"),
    integration: import("../../../app/api/ticket-integrations/[id]/route"),
    sync: import("../../../app/api/ticket-integrations/[id]/sync/route"),
    tickets: import("../../../app/api/tickets/route"),
    admission: import("../../../app/api/admission-policies/route"),
  };
  for (const [name, mod] of Object.entries(files)) {
    const r = (await mod) as unknown as Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", Handler>>;
    for (const method of ["GET", "POST", "PATCH", "DELETE"] as const) if (r[method]) h[`${method} ${name}`] = r[method]!;
  }
  const a = await m.createUserWithOrganization({ email: "a@h6-tickets.test", passwordHash: null, orgName: "A" });
  const b = await m.createUserWithOrganization({ email: "b@h6-tickets.test", passwordHash: null, orgName: "B" });
  orgA = a.org.id;
  const mk = (orgId: string, actorId: string, name: string) => m.createCluster({ orgId, actorId, name, server: "https://127.0.0.1:6443", credentialCipher: "x", credentialKeyId: "k" });
  clusterA = (await mk(orgA, a.user.id, "shop")).id;
  await mk(b.org.id, b.user.id, "b-prod");
  const scan = await m.createScan({ orgId: orgA, clusterId: clusterA, trigger: "manual", actorId: a.user.id });
  await m.db.scan.update({ where: { id: scan.id }, data: { status: "succeeded" } });
  findingA = (
    await m.db.finding.create({
      data: { orgId: orgA, clusterId: clusterA, fingerprint: "fp-h6", ruleId: "privileged-container", severity: "critical", apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "api", path: "spec.template.spec.containers[0].securityContext.privileged", message: "privileged", remediation: "drop it", firstSeenScanId: scan.id, lastSeenScanId: scan.id },
    })
  ).id;
  readA = (await m.createApiToken({ orgId: orgA, createdById: a.user.id, name: "read", scopes: ["read"], expiresInDays: 1 })).token;
  memberA = (await m.createApiToken({ orgId: orgA, createdById: a.user.id, name: "triage", scopes: ["findings:write"], expiresInDays: 1 })).token;
  adminA = (await m.createApiToken({ orgId: orgA, createdById: a.user.id, name: "admin", scopes: ["admin"], expiresInDays: 1 })).token;
  adminB = (await m.createApiToken({ orgId: b.org.id, createdById: b.user.id, name: "admin", scopes: ["admin"], expiresInDays: 1 })).token;
  // An approved exception (object scope) and one with a label selector, which admission cannot express.
  const base = { orgId: orgA, ruleId: "privileged-container", justification: "node agent", expiresAt: new Date(Date.now() + 7 * 86_400_000), status: "approved" as const };
  await m.db.riskException.create({ data: { ...base, namespace: "monitoring", kind: "DaemonSet", name: "node-exporter" } });
  await m.db.riskException.create({ data: { ...base, namespace: "shop", labelSelector: { matchLabels: { app: "agent" } } } });
  await m.db.riskException.create({ data: { ...base, namespace: "expired", status: "approved", expiresAt: new Date(Date.now() - 86_400_000) } });
  await m.createCustomRule({ orgId: orgA, actorId: a.user.id, ruleId: "custom-team-label", title: "Workloads carry a team label", severity: "low", kinds: ["Deployment"], expression: "!has(object.metadata.labels) || !('team' in object.metadata.labels)", message: "no team label", remediation: "add metadata.labels.team" });
  await m.db.organization.update({ where: { id: orgA }, data: { policy: { params: { allowedRegistries: ["ghcr.io/acme"] } } } });
}, 120_000);

afterAll(async () => {
  await closeQueues();
  await m?.db.$disconnect();
  await dropDatabase(DB);
});

describe("ticket integrations", () => {
  let github: string;
  let jira: string;

  it("an admin adds GitHub and Jira; the token never comes back", async () => {
    const gh = await call("POST integrations", adminA, { url: "/api/ticket-integrations", method: "POST", body: { kind: "github", name: "platform issues", baseUrl: "http://127.0.0.1:9/api/v3", project: "acme/platform", token: SECRET } });
    expect(gh.status, gh.text).toBe(201);
    expect(gh.json).toMatchObject({ kind: "github", project: "acme/platform", tokenSet: true });
    expect(gh.text).not.toContain(SECRET);
    github = gh.json.id as string;
    const jr = await call("POST integrations", adminA, {
      url: "/api/ticket-integrations",
      method: "POST",
      body: { kind: "jira", name: "Jira SEC", baseUrl: "http://127.0.0.1:9", project: "sec", username: "bot@acme.test", token: JIRA_SECRET },
    });
    expect(jr.status, jr.text).toBe(201);
    // Defaults and the key's canonical form.
    expect(jr.json).toMatchObject({ kind: "jira", project: "SEC", issueType: "Task", doneTransition: "Done", username: "bot@acme.test" });
    jira = jr.json.id as string;
    const list = await call("GET integrations", readA, { url: "/api/ticket-integrations" });
    expect(list.status).toBe(200);
    expect((list.json.items as TJson[]).map((i) => i.name).sort()).toEqual(["Jira SEC", "platform issues"]);
    expect(list.text).not.toContain(SECRET);
    expect(list.text).not.toContain(JIRA_SECRET);
  });

  it("refuses bad fields with the reason, and non-admins", async () => {
    const noUser = await call("POST integrations", adminA, { url: "/api/ticket-integrations", method: "POST", body: { kind: "jira", name: "x", baseUrl: "https://acme.atlassian.net", project: "SEC", token: JIRA_SECRET } });
    expect(noUser.status).toBe(400);
    expect((noUser.json.fieldErrors as TJson).username).toBeTruthy();
    const badRepo = await call("POST integrations", adminA, { url: "/api/ticket-integrations", method: "POST", body: { kind: "github", name: "x", project: "not a repo", token: SECRET } });
    expect(badRepo.status).toBe(400);
    expect((badRepo.json.fieldErrors as TJson).project).toMatch(/owner\/repo/);
    const dup = await call("POST integrations", adminA, { url: "/api/ticket-integrations", method: "POST", body: { kind: "github", name: "platform issues", baseUrl: "http://127.0.0.1:9", project: "acme/other", token: SECRET } });
    expect(dup.status).toBe(400);
    expect(dup.json.error).toMatch(/already exists/);
    const asMember = await call("POST integrations", memberA, { url: "/api/ticket-integrations", method: "POST", body: { kind: "github", name: "y", project: "acme/y", token: SECRET } });
    expect(asMember.status).toBe(403);
    const patchAsRead = await call("PATCH integration", readA, { url: `/api/ticket-integrations/${github}`, method: "PATCH", body: { name: "z" }, params: { id: github } });
    expect(patchAsRead.status).toBe(403);
  });

  it("an edit keeps the token unless a new one is given; another organization gets 404", async () => {
    const before = await m.db.ticketIntegration.findUniqueOrThrow({ where: { id: github } });
    const edited = await call("PATCH integration", adminA, { url: `/api/ticket-integrations/${github}`, method: "PATCH", body: { name: "platform", token: "" }, params: { id: github } });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json.name).toBe("platform");
    expect((await m.db.ticketIntegration.findUniqueOrThrow({ where: { id: github } })).tokenCipher).toBe(before.tokenCipher);
    const badProject = await call("PATCH integration", adminA, { url: `/api/ticket-integrations/${jira}`, method: "PATCH", body: { project: "acme/platform" }, params: { id: jira } });
    expect(badProject.status).toBe(400);
    for (const [handler, method] of [["PATCH integration", "PATCH"], ["DELETE integration", "DELETE"]] as const) {
      const other = await call(handler, adminB, { url: `/api/ticket-integrations/${github}`, method, body: method === "PATCH" ? { name: "stolen" } : undefined, params: { id: github } });
      expect(other.status, `${handler} across organizations`).toBe(404);
    }
    const sync = await call("POST sync", adminB, { url: `/api/ticket-integrations/${github}/sync`, method: "POST", params: { id: github } });
    expect(sync.status).toBe(404);
    const mine = await call("POST sync", adminA, { url: `/api/ticket-integrations/${github}/sync`, method: "POST", params: { id: github } });
    expect(mine.status, mine.text).toBe(202);
  });

  it("a member creates a finding's ticket once (201, then 200) and its delivery is queued", async () => {
    const body = { integrationId: github, source: "finding", findingId: findingA };
    const first = await call("POST tickets", adminA, { url: "/api/tickets", method: "POST", body });
    expect(first.status, first.text).toBe(201);
    const ticket = (first.json as { ticket: TJson; created: boolean }).ticket;
    expect(first.json.created).toBe(true);
    expect(ticket).toMatchObject({ status: "pending", source: "finding", integrationName: "platform" });
    const again = await call("POST tickets", adminA, { url: "/api/tickets", method: "POST", body });
    expect(again.status).toBe(200);
    expect((again.json.ticket as TJson).id).toBe(ticket.id);
    // In the app's own queue (its prefix and backend); any state, should a worker be running.
    const jobs = await getQueue(QUEUE_TICKET).getJobs(["waiting", "delayed", "active", "prioritized", "completed", "failed"]);
    expect(jobs.some((j) => (j.data as TJson).ticketId === ticket.id && (j.data as TJson).action === "create")).toBe(true);
    const listed = await call("GET tickets", readA, { url: `/api/tickets?finding=${findingA}` });
    expect(listed.status).toBe(200);
    expect((listed.json.items as TJson[]).map((t) => t.id)).toEqual([ticket.id]);
    // A read token lists but may not create; the other organization sees nothing and cannot use A's ids.
    expect((await call("POST tickets", readA, { url: "/api/tickets", method: "POST", body })).status).toBe(403);
    expect(((await call("GET tickets", adminB, { url: `/api/tickets?finding=${findingA}` })).json.items as TJson[]).length).toBe(0);
    const cross = await call("POST tickets", adminB, { url: "/api/tickets", method: "POST", body });
    const missing = await call("POST tickets", adminB, { url: "/api/tickets", method: "POST", body: { ...body, integrationId: "cnotarealintegration00000", findingId: "cnotarealfinding000000000" } });
    expect(cross.status).toBe(404);
    expect(cross.json).toEqual(missing.json);
  });

  it("a ticket's subject must match its source", async () => {
    const res = await call("POST tickets", adminA, { url: "/api/tickets", method: "POST", body: { integrationId: github, source: "risk", findingId: findingA } });
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.fieldErrors as TJson).sort()).toEqual(["findingId", "riskId"]);
  });

  it("removing an integration answers deleted", async () => {
    const res = await call("DELETE integration", adminA, { url: `/api/ticket-integrations/${jira}`, method: "DELETE", params: { id: jira } });
    expect(res.status).toBe(200);
    expect(((await call("GET integrations", readA, { url: "/api/ticket-integrations" })).json.items as TJson[]).map((i) => i.id)).toEqual([github]);
  });
});

describe("admission policies download", () => {
  const vaps = (yaml: string) => parseAllDocuments(yaml).map((d) => d.toJS() as TJson).filter((o) => o?.kind === "ValidatingAdmissionPolicy");

  it("answers a YAML attachment with the organization's exceptions, registries and custom rules", async () => {
    const res = await call("GET admission", readA, { url: "/api/admission-policies?action=warn&exclude=monitoring,istio-system" });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/yaml/);
    expect(res.headers.get("content-disposition")).toContain('filename="bulwark-admission-policies.yaml"');
    const docs = parseAllDocuments(res.text).map((d) => d.toJS() as TJson);
    const policies = docs.filter((o) => o.kind === "ValidatingAdmissionPolicy");
    const bindings = docs.filter((o) => o.kind === "ValidatingAdmissionPolicyBinding");
    expect(policies.length).toBeGreaterThanOrEqual(20);
    expect(bindings.length).toBe(policies.length);
    for (const b of bindings) expect((b.spec as TJson).validationActions).toEqual(expect.arrayContaining(["Warn"]));
    // The chosen namespaces join the control plane's, which stay excluded.
    for (const ns of ["istio-system", "monitoring", "kube-system", "kube-node-lease"]) expect(JSON.stringify(bindings[0]!.spec)).toContain(ns);
    const names = policies.map((p) => (p.metadata as TJson).name);
    expect(names).toContain("bulwark-custom-team-label");
    expect(names).toContain("bulwark-image-registry-not-allowed");
    expect(res.text).toContain("ghcr.io/acme");
    // The object-scoped exception is a match condition; the label-selector and expired ones are not.
    const privileged = JSON.stringify(policies.find((p) => (p.metadata as TJson).name === "bulwark-privileged-container"));
    expect(privileged).toContain("node-exporter");
    expect(privileged).not.toContain("expired");
  });

  it("leaves out exceptions and custom rules when asked, and refuses bad options", async () => {
    const res = await call("GET admission", readA, { url: "/api/admission-policies?exceptions=0&custom=0" });
    expect(res.status).toBe(200);
    const policies = vaps(res.text);
    expect(policies.map((p) => (p.metadata as TJson).name)).not.toContain("bulwark-custom-team-label");
    expect(res.text).not.toContain("node-exporter");
    const bad = await call("GET admission", readA, { url: "/api/admission-policies?action=block" });
    expect(bad.status).toBe(400);
    const badNs = await call("GET admission", readA, { url: "/api/admission-policies?exclude=Not_A_Namespace" });
    expect(badNs.status).toBe(400);
    expect(JSON.stringify(badNs.json)).toMatch(/namespace/);
    // A cluster of another organization is 404, like one that exists nowhere.
    const other = await call("GET admission", adminB, { url: `/api/admission-policies?cluster=${clusterA}` });
    expect(other.status).toBe(404);
    // Organization B has no custom rule and no exception of A's.
    const b = await call("GET admission", adminB, { url: "/api/admission-policies" });
    expect(b.text).not.toContain("custom-team-label");
    expect(b.text).not.toContain("node-exporter");
  });
});
