// Real worker threads (rules-worker.mjs through tsx), as the web app runs them; real Redis for the limiter.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpError } from "../../auth/server/errors";
import { MAX_TRY_FINDINGS, MAX_YAML_FINDINGS, type scanYaml, type TTryRuleResult } from "./rules-tasks";
import { closeRulesWorkers, RulesLimitError, runIsolated } from "./run-isolated";

type TScan = ReturnType<typeof scanYaml>;
const pod = (i: number) => `apiVersion: v1
kind: Pod
metadata: {name: p${i}, namespace: shop}
spec:
  hostNetwork: true
  containers:
    - name: app
      image: nginx:latest
      securityContext: {privileged: true}
`;
const pods = (n: number) => Array.from({ length: n }, (_, i) => pod(i)).join("---\n");
const scanTask = (yaml: string) => ({ kind: "scan-yaml" as const, yaml, fileName: "m.yaml", settings: null, now: new Date().toISOString() });
const org = () => `org-${Math.random().toString(36).slice(2)}`;

process.env.REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
process.env.BULWARK_QUEUE_PREFIX = `bulwark-test-rules-eval-${randomBytes(3).toString("hex")}`;
delete process.env.BULWARK_QUEUE_BACKEND;

let evaluateForRequest: typeof import("./evaluate-request").evaluateForRequest;
let RULES_EVAL_PER_USER: typeof import("./evaluate-request").RULES_EVAL_PER_USER;
beforeAll(async () => {
  ({ evaluateForRequest, RULES_EVAL_PER_USER } = await import("./evaluate-request"));
});
afterAll(async () => {
  await closeRulesWorkers();
  const { closeRateLimiter } = await import("@bulwark/jobs");
  await closeRateLimiter();
});

describe("runIsolated", () => {
  it("judges manifests in a worker thread", async () => {
    const r = await runIsolated<TScan>(scanTask(pod(1)), { orgId: org() });
    expect(r.objectCount).toBe(1);
    expect(r.findings.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["privileged-container"]));
    expect(r.findingCount).toBe(r.findings.length);
  });

  it("caps the findings it returns and says how many there were", async () => {
    const r = await runIsolated<TScan>(scanTask(pods(150)), { orgId: org() });
    expect(r.objectCount).toBe(150);
    expect(r.findings).toHaveLength(MAX_YAML_FINDINGS);
    expect(r.findingCount).toBeGreaterThan(MAX_YAML_FINDINGS);
    expect(r.counts.critical + r.counts.high + r.counts.medium + r.counts.low + r.counts.info).toBeGreaterThanOrEqual(r.findingCount);
    // The worst are kept: every critical finding is listed.
    expect(r.findings.filter((f) => f.severity === "critical")).toHaveLength(r.counts.critical);
  });

  it("caps a try-it answer", async () => {
    const def = { id: "custom-draft", title: "t", severity: "low" as const, kinds: ["Pod"], expression: "true", message: "m", remediation: "r" };
    const r = await runIsolated<TTryRuleResult>({ kind: "try-rule", def, yaml: pods(MAX_TRY_FINDINGS + 10) }, { orgId: org() });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.findings).toHaveLength(MAX_TRY_FINDINGS);
      expect(r.findingCount).toBe(MAX_TRY_FINDINGS + 10);
    }
  });

  it("terminates the thread at the deadline and answers an error naming the limit", async () => {
    // Judging 3,000 objects takes far longer than 1 ms on any machine.
    const o = org();
    const err = await runIsolated(scanTask(pods(3000)), { orgId: o, deadlineMs: 1 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RulesLimitError);
    expect((err as RulesLimitError).limit).toBe("deadline");
    expect((err as Error).message).toMatch(/Evaluation stopped at the 1 ms time limit/);
    // The slot is free again: the same organization can evaluate at once.
    const r = await runIsolated<TScan>(scanTask(pod(1)), { orgId: o });
    expect(r.objectCount).toBe(1);
  });

  it("a thread out of memory dies alone, answering an error naming the limit", async () => {
    const err = await runIsolated(scanTask(pods(3000)), { orgId: org(), heapMb: 16 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RulesLimitError);
    expect(err).toMatchObject({ limit: "memory", message: expect.stringMatching(/Evaluation stopped at the 16 MiB memory limit/) });
  });

  it("runs one evaluation per organization at a time", async () => {
    const o = org();
    const first = runIsolated<TScan>(scanTask(pods(50)), { orgId: o });
    const second = await runIsolated(scanTask(pod(1)), { orgId: o }).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(RulesLimitError);
    expect((second as RulesLimitError).limit).toBe("busy");
    expect((await first).objectCount).toBe(50);
  });
});

describe("evaluateForRequest", () => {
  it("refuses deeply nested YAML before parsing it", async () => {
    const err = await evaluateForRequest(scanTask(`${"- ".repeat(10_000)}x`), { orgId: org(), userId: org() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(err).toMatchObject({ status: 413, fieldErrors: { yaml: expect.stringMatching(/nests deeper than 100 levels/) } });
  });

  it("rate-limits one person", async () => {
    const ctx = { orgId: org(), userId: org() };
    const deep = scanTask(`${"[".repeat(200)}`);
    // Refused by the pre-check (no thread started), but every request counts.
    for (let i = 0; i < RULES_EVAL_PER_USER.limit; i++) await expect(evaluateForRequest(deep, ctx)).rejects.toMatchObject({ status: 413 });
    await expect(evaluateForRequest(deep, ctx)).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/Rate limit: 20 evaluations a minute for you/) });
  });
});
