// The rule image-vulnerabilities and the vulnerability step of risks, end to end through evaluate():
// the acceptance scenario (privileged Deployment behind a LoadBalancer, Trivy Operator report on
// its ReplicaSet), rollouts, stale reports, CVE exceptions and VEX, imports matched by digest and
// by tag, profiles, overrides and incremental judging.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { evaluate } from "../engine/evaluate";
import { judgeChanges, judgeFull } from "../engine/incremental";
import { changeRef, clusterSnapshot, comparableResult } from "../testing";
import type { EngineSettings, EvaluationResult, Finding, KubeObject, Snapshot } from "../types";
import type { CveException, VulnReport } from "./types";

const here = dirname(fileURLToPath(import.meta.url));
const RULE = "image-vulnerabilities";
const DIGEST = "sha256:2f1cd90e00fe2c991e18272bb35d6a8258eeb27785d121aa4cc1ae4235167cfd";
const OTHER_DIGEST = `sha256:${"b".repeat(64)}`;
const SCANNED = "2026-12-01T06:00:00Z";
const FRESH = "2026-12-03T00:00:00Z";

function load(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(join(here, "fixtures", file), "utf8")).map((d) => d.toJS() as KubeObject);
}

const base = () => load("exposed-privileged.yaml");
const snap = (objects: KubeObject[], extra: Partial<Snapshot> = {}): Snapshot => ({ ...clusterSnapshot(objects, "1.30", FRESH), ...extra });
const vulnFindings = (r: EvaluationResult): Finding[] => r.findings.filter((f) => f.ruleId === RULE);
const without = (objs: KubeObject[], kind: string) => objs.filter((o) => o.kind !== kind);
const riskOf = (r: EvaluationResult, type: string) => r.risks.find((x) => x.type === type);

/** The workload moved to nginx:1.21.1 (a new ReplicaSet); the old one is scaled down and keeps its report. */
function rolledOut(objs: KubeObject[]): KubeObject[] {
  const out = structuredClone(objs);
  const dep = out.find((o) => o.kind === "Deployment")! as any;
  dep.spec.template.spec.containers[0].image = "nginx:1.21.1";
  const oldRs = out.find((o) => o.kind === "ReplicaSet")! as any;
  oldRs.spec.replicas = 0;
  const rs = structuredClone(oldRs);
  rs.metadata.name = "web-7f9b8c5d4";
  rs.metadata.uid = "0a000000-0000-4000-8000-000000000012";
  rs.spec.replicas = 2;
  rs.spec.template.spec.containers[0].image = "nginx:1.21.1";
  const pods = out.filter((o) => o.kind === "Pod") as any[];
  for (const p of pods) {
    p.metadata.ownerReferences[0].name = rs.metadata.name;
    p.metadata.ownerReferences[0].uid = rs.metadata.uid;
    p.spec.containers[0].image = "nginx:1.21.1";
    p.status.containerStatuses[0].image = "docker.io/library/nginx:1.21.1";
    p.status.containerStatuses[0].imageID = `docker.io/library/nginx@${OTHER_DIGEST}`;
  }
  return [...out, rs];
}

/** An imported document's report (what parseVulnDocument gives), for nginx. */
function imported(image: VulnReport["image"], vulns: VulnReport["vulnerabilities"], updatedAt = SCANNED): VulnReport {
  return { source: "trivy", scanner: { name: "trivy", version: "0.58.1" }, image, updatedAt, vulnerabilities: vulns };
}

const CRITICAL_FIXABLE = { id: "CVE-2021-23017", package: "nginx", installedVersion: "1.21.0-1~buster", fixedVersion: "1.21.1-1~buster", severity: "critical" as const, score: 9.8 };

describe("the acceptance scenario: a Trivy Operator report on a privileged, exposed Deployment's ReplicaSet", () => {
  const r = evaluate(snap(base()));
  const [f] = vulnFindings(r);

  it("reports the CVE once, on the Deployment, at the container's image field", () => {
    expect(vulnFindings(r)).toHaveLength(1);
    expect(f!.object).toMatchObject({ kind: "Deployment", namespace: "shop", name: "web" });
    expect(f!.path).toBe("spec.template.spec.containers[0].image");
    expect(f!.observed).toBe("nginx:1.21.0");
    expect(f!.severity).toBe("critical");
    expect(f!.message).toContain('Container "web": nginx:1.21.0 has 1 critical and 1 high vulnerability with a fix: CVE-2021-23017 (nginx 1.21.0-1~buster -> 1.21.1-1~buster), CVE-2022-0778 (libssl1.1');
    expect(f!.message).toContain("Also 1 high without a fix yet. 2 CVEs of lower severity listed.");
    expect(f!.message).toContain("Reported by Trivy 0.58.1, VulnerabilityReport shop/replicaset-web-6d4cf56db6-web.");
    expect(f!.message).not.toMatch(/stale/);
    expect(f!.remediation).toContain("nginx to 1.21.1-1~buster (CVE-2021-23017)");
    expect(f!.remediation).toContain("libssl1.1 to 1.1.1d-0+deb10u8");
    expect(f!.remediation).not.toContain("openssl to");
    expect(f!.remediation).toContain("Deployment shop/web");
  });

  it("carries every CVE, worst first, with counts by severity and fixability", () => {
    const d = f!.details!.vulnerabilities!;
    expect(d).toMatchObject({ image: "nginx:1.21.0", container: "web", source: "trivy-operator", scanner: "Trivy 0.58.1", match: "producer", stale: false, reportedAt: "2026-12-01T06:00:00.000Z" });
    expect(d.origin).toBe("VulnerabilityReport shop/replicaset-web-6d4cf56db6-web");
    // The pods' status imageID names the digest the tag resolved to.
    expect(d.key).toEqual({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: DIGEST });
    expect(d.cves.map((c) => c.id)).toEqual(["CVE-2021-23017", "CVE-2022-0778", "CVE-2023-45853", "CVE-2022-1292", "CVE-2011-3374"]);
    expect(d.cves.find((c) => c.id === "CVE-2023-45853")!.fixedVersion).toBeUndefined();
    expect(d.counts.critical).toEqual({ total: 1, fixable: 1 });
    expect(d.counts.high).toEqual({ total: 2, fixable: 1 });
    expect(d.counts.medium).toEqual({ total: 1, fixable: 1 });
    expect(d.counts.low).toEqual({ total: 1, fixable: 0 });
  });

  it("makes node takeover critical with the CVE as a step after the exposure, and raises its score", () => {
    const risk = riskOf(r, "node-takeover")!;
    expect(risk.severity).toBe("critical");
    expect(risk.steps.map((s) => s.kind)).toEqual(["exposure", "vulnerability", "privilege"]);
    const step = risk.steps[1]!;
    expect(step.text).toContain("Image nginx:1.21.0 has critical CVE-2021-23017 in nginx (fixed in 1.21.1-1~buster)");
    expect(step.text).toContain("a known way in");
    expect(step.findings).toEqual([f!.fingerprint]);
    expect(risk.factors.find((x) => x.name === "vulnerability")).toMatchObject({ multiplier: 1.3 });
    const plain = riskOf(evaluate(snap(without(base(), "VulnerabilityReport"))), "node-takeover")!;
    expect(plain.steps.map((s) => s.kind)).toEqual(["exposure", "privilege"]);
    expect(JSON.stringify(r.risks.filter((x) => x.severity === "critical"))).toContain("CVE-2021-23017");
    // Exposed and privileged is already at the cap; inside the cluster the CVE shows in the score.
    const inside = (objs: KubeObject[]) => riskOf(evaluate(snap(without(objs, "Service"))), "node-takeover")!;
    const withCve = inside(base());
    expect(withCve.steps.map((s) => s.kind)).toEqual(["vulnerability", "privilege"]);
    expect(withCve.score).toBeGreaterThan(inside(without(base(), "VulnerabilityReport")).score);
  });

  it("resolves after the rollout to the fixed image, though the old ReplicaSet keeps its report", () => {
    const after = evaluate(snap(rolledOut(base())));
    expect(vulnFindings(after)).toEqual([]);
    expect(after.rules.find((s) => s.id === RULE)).toMatchObject({ status: "passed", findings: 0 });
    expect(JSON.stringify(after.risks)).not.toContain("CVE-2021-23017");
  });

  it("resolves when the report is removed", () => {
    expect(vulnFindings(evaluate(snap(without(base(), "VulnerabilityReport"))))).toEqual([]);
  });
});

describe("stale reports", () => {
  const r = evaluate(snap(base(), { takenAt: "2026-12-20T00:00:00Z" }));
  const f = vulnFindings(r)[0]!;

  it("still yield the finding, which says how old and stale the report is", () => {
    expect(f.severity).toBe("critical");
    expect(f.details!.vulnerabilities!.stale).toBe(true);
    expect(f.message).toContain("is 18 days old: stale (over 7 days)");
  });

  it("never raise a risk: the step says stale, no factor, the score is the one without the report", () => {
    const risk = riskOf(r, "node-takeover")!;
    const step = risk.steps.find((s) => s.kind === "vulnerability")!;
    expect(step.text).toContain("stale");
    expect(risk.factors.map((x) => x.name)).not.toContain("vulnerability");
    const plain = riskOf(evaluate(snap(without(base(), "VulnerabilityReport"), { takenAt: "2026-12-20T00:00:00Z" })), "node-takeover")!;
    expect(risk.score).toBe(plain.score);
  });

  it("a report that does not say when it scanned is not trusted as current", () => {
    const objs = base();
    const rep = objs.find((o) => o.kind === "VulnerabilityReport") as any;
    delete rep.report.updateTimestamp;
    const f2 = vulnFindings(evaluate(snap(objs)))[0]!;
    expect(f2.details!.vulnerabilities!.stale).toBe(true);
    expect(f2.message).toContain("does not say when the image was scanned");
  });
});

describe("CVE exceptions and VEX", () => {
  const exception = (over: Partial<CveException> = {}): CveException => ({ id: "ex-1", cve: "CVE-2021-23017", repository: "docker.io/library/nginx", state: "not_affected", justification: "vulnerable_code_not_in_execute_path", note: "no resolver directive", ...over });
  const run = (exceptions: CveException[], settings: EngineSettings = {}) => evaluate(snap(base()), { ...settings, params: { cveExceptions: exceptions } });

  it("an exception marks the CVE excepted: listed, not counted, never raising severity or risk", () => {
    const r = run([exception()]);
    const f = vulnFindings(r)[0]!;
    const cve = f.details!.vulnerabilities!.cves.find((c) => c.id === "CVE-2021-23017")!;
    expect(cve.excepted).toMatchObject({ by: "exception", id: "ex-1", state: "not_affected", justification: "vulnerable_code_not_in_execute_path" });
    expect(f.details!.vulnerabilities!.counts.critical).toEqual({ total: 0, fixable: 0 });
    // The fixable high CVE is what is left.
    expect(f.severity).toBe("high");
    expect(f.message).toContain("1 CVE is excepted");
    expect(f.message).not.toContain("CVE-2021-23017 (");
    const step = riskOf(r, "node-takeover")!.steps.find((s) => s.kind === "vulnerability")!;
    expect(step.text).toContain("high CVE-2022-0778");
    expect(riskOf(r, "node-takeover")!.factors.find((x) => x.name === "vulnerability")!.multiplier).toBe(1.15);
  });

  it("an exception may name a repository as a pod spec writes it, or the CVE in lower case", () => {
    const f = vulnFindings(run([exception({ repository: "nginx", cve: "cve-2021-23017" })]))[0]!;
    expect(f.details!.vulnerabilities!.cves[0]!.excepted?.by).toBe("exception");
  });

  it("does not apply when expired, scoped to another namespace, cluster or repository", () => {
    for (const ex of [exception({ expiresAt: "2026-12-02T00:00:00Z" }), exception({ expiresAt: "not a date" }), exception({ namespace: "other" }), exception({ clusterName: "prod" }), exception({ repository: "docker.io/library/httpd" })]) {
      const f = vulnFindings(run([ex], { clusterName: "staging" }))[0]!;
      expect(f.severity, JSON.stringify(ex)).toBe("critical");
    }
    const scoped = vulnFindings(run([exception({ namespace: "shop", clusterName: "prod", expiresAt: "2027-01-01T00:00:00Z" })], { clusterName: "prod" }))[0]!;
    expect(scoped.severity).toBe("high");
  });

  it("an exception of every critical and fixable high CVE removes the finding and the risk step", () => {
    const r = run([exception(), exception({ id: "ex-2", cve: "CVE-2022-0778", state: "accepted" })]);
    expect(vulnFindings(r)).toEqual([]);
    expect(riskOf(r, "node-takeover")!.steps.map((s) => s.kind)).toEqual(["exposure", "privilege"]);
  });

  it("an exception matches a vulnerability's alias (a GHSA's CVE)", () => {
    const objs = without(base(), "VulnerabilityReport");
    const rep = imported({ registry: "docker.io", repository: "library/nginx", digest: DIGEST }, [{ ...CRITICAL_FIXABLE, id: "GHSA-xxxx-yyyy-zzzz", aliases: ["CVE-2021-23017"] }]);
    const r = evaluate(snap(objs, { vulnerabilityReports: [rep] }), { params: { cveExceptions: [exception()] } });
    expect(vulnFindings(r)).toEqual([]);
  });

  it("a document's own VEX not_affected or fixed marks the CVE excepted", () => {
    const objs = without(base(), "VulnerabilityReport");
    const rep = imported({ registry: "docker.io", repository: "library/nginx", digest: DIGEST }, [
      { ...CRITICAL_FIXABLE, vex: { state: "not_affected", justification: "vulnerable_code_not_present" } },
      { id: "CVE-2022-0778", package: "libssl1.1", installedVersion: "1.1.1d-0+deb10u6", fixedVersion: "1.1.1d-0+deb10u8", severity: "high", vex: { state: "affected" } },
    ]);
    const f = vulnFindings(evaluate(snap(objs, { vulnerabilityReports: [rep] })))[0]!;
    expect(f.details!.vulnerabilities!.cves.find((c) => c.id === "CVE-2021-23017")!.excepted).toMatchObject({ by: "vex", state: "not_affected", justification: "vulnerable_code_not_present" });
    expect(f.severity).toBe("high");
  });
});

describe("imported documents", () => {
  const objs = () => without(base(), "VulnerabilityReport");

  it("attach by the digest the pods run (Pod -> ReplicaSet -> Deployment)", () => {
    const rep = imported({ registry: "docker.io", repository: "library/nginx", digest: DIGEST }, [CRITICAL_FIXABLE]);
    const f = vulnFindings(evaluate(snap(objs(), { vulnerabilityReports: [rep] })))[0]!;
    expect(f.object.kind).toBe("Deployment");
    expect(f.details!.vulnerabilities!.match).toBe("digest");
    expect(f.message).not.toContain("matched by tag");
  });

  it("attach by repository:tag with a stated lower confidence when no digest matched", () => {
    const rep = imported({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0" }, [CRITICAL_FIXABLE]);
    const f = vulnFindings(evaluate(snap(objs(), { vulnerabilityReports: [rep] })))[0]!;
    expect(f.details!.vulnerabilities!.match).toBe("tag");
    expect(f.message).toContain("Matched by tag (lower confidence");
  });

  it("do not attach by tag when both sides name a digest and they differ (another build of the tag)", () => {
    const rep = imported({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0", digest: OTHER_DIGEST }, [CRITICAL_FIXABLE]);
    expect(vulnFindings(evaluate(snap(objs(), { vulnerabilityReports: [rep] })))).toEqual([]);
  });

  it("do not attach to another repository or tag", () => {
    for (const image of [{ registry: "docker.io", repository: "library/nginx", tag: "1.21.1" }, { registry: "ghcr.io", repository: "library/nginx", tag: "1.21.0" }, { registry: "docker.io", repository: "library/httpd", tag: "1.21.0" }]) {
      expect(vulnFindings(evaluate(snap(objs(), { vulnerabilityReports: [imported(image, [CRITICAL_FIXABLE])] }))), JSON.stringify(image)).toEqual([]);
    }
  });

  it("prefer the producer's report, then digest over tag, then the newest scan", () => {
    const byTag = imported({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0" }, [CRITICAL_FIXABLE], "2026-12-02T12:00:00Z");
    const oldDigest = imported({ registry: "docker.io", repository: "library/nginx", digest: DIGEST }, [{ ...CRITICAL_FIXABLE, id: "CVE-2000-0001" }], "2026-11-30T00:00:00Z");
    const newDigest = imported({ registry: "docker.io", repository: "library/nginx", digest: DIGEST }, [{ ...CRITICAL_FIXABLE, id: "CVE-2000-0002" }], "2026-12-02T00:00:00Z");
    const d = vulnFindings(evaluate(snap(objs(), { vulnerabilityReports: [byTag, oldDigest, newDigest] })))[0]!.details!.vulnerabilities!;
    expect(d.match).toBe("digest");
    expect(d.cves[0]!.id).toBe("CVE-2000-0002");
    const withProducer = vulnFindings(evaluate(snap(base(), { vulnerabilityReports: [newDigest] })))[0]!.details!.vulnerabilities!;
    expect(withProducer.match).toBe("producer");
  });

  it("with malformed entries (read back from storage) are judged on what is well-formed, without a rule error", () => {
    const rep = imported({ registry: "docker.io", repository: "library/nginx", digest: DIGEST }, [
      null as never,
      { id: 7 } as never,
      { id: "CVE-2024-0001", package: 3, installedVersion: null, fixedVersion: 5, severity: "toString", score: "9" } as never,
      CRITICAL_FIXABLE,
    ]);
    const r = evaluate(snap(objs(), { vulnerabilityReports: [rep, { image: null } as never, { image: { registry: "docker.io", repository: "library/nginx", digest: DIGEST }, vulnerabilities: "x" } as never] }));
    expect(r.rules.find((s) => s.id === RULE)!.status).toBe("failed");
    const cves = vulnFindings(r)[0]!.details!.vulnerabilities!.cves;
    expect(cves.map((c) => [c.id, c.severity, c.package, c.fixedVersion ?? null])).toEqual([
      ["CVE-2021-23017", "critical", "nginx", "1.21.1-1~buster"],
      ["CVE-2024-0001", "unknown", "", null],
    ]);
  });

  it("are judged on manifests too (the CLI's scan --vulns)", () => {
    const deployment = base().find((o) => o.kind === "Deployment")!;
    const rep = imported({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0" }, [CRITICAL_FIXABLE]);
    const r = evaluate({ source: "manifests", objects: [deployment], kinds: [], kindsComplete: false, takenAt: FRESH, vulnerabilityReports: [rep] });
    expect(vulnFindings(r)).toHaveLength(1);
  });
});

describe("thresholds, profiles and overrides", () => {
  const objs = () => without(base(), "VulnerabilityReport");
  const only = (vulns: VulnReport["vulnerabilities"]) => ({ vulnerabilityReports: [imported({ registry: "docker.io", repository: "library/nginx", digest: DIGEST }, vulns)] });
  const MEDIUM = { id: "CVE-2022-1292", package: "openssl", installedVersion: "1.1.1d-0+deb10u6", fixedVersion: "1.1.1d-0+deb10u9", severity: "medium" as const };
  const HIGH_UNFIXED = { id: "CVE-2023-45853", package: "zlib1g", installedVersion: "1:1.2.11.dfsg-1", severity: "high" as const };

  it("medium and unfixed high CVEs are not raised in the default profile, and are in strict", () => {
    expect(vulnFindings(evaluate(snap(objs(), only([MEDIUM, HIGH_UNFIXED]))))).toEqual([]);
    const strict = vulnFindings(evaluate(snap(objs(), only([MEDIUM, HIGH_UNFIXED])), { profile: "strict" }));
    expect(strict.map((f) => f.severity)).toEqual(["medium"]);
  });

  it("an unfixed critical CVE is a high finding and adds no risk step", () => {
    const r = evaluate(snap(objs(), only([{ ...CRITICAL_FIXABLE, fixedVersion: undefined }])));
    const f = vulnFindings(r)[0]!;
    expect(f.severity).toBe("high");
    expect(f.message).toContain("1 critical vulnerability without a fix yet");
    expect(f.remediation).toContain("No fixed version is published yet");
    expect(riskOf(r, "node-takeover")!.steps.map((s) => s.kind)).not.toContain("vulnerability");
  });

  it("an organization's severity override of the rule wins over the finding's own severity", () => {
    const r = evaluate(snap(base()), { severityOverrides: { [RULE]: "low" } });
    expect(vulnFindings(r).map((f) => f.severity)).toEqual(["low"]);
  });

  it("without any vulnerability data the rule passes quietly, never 'not evaluated'", () => {
    // A cluster read of every workload kind, without Trivy Operator's or the PolicyReport CRDs.
    const kinds = ["Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController"].map((kind) => ({ resource: kind, kind, status: "read" as const, count: 0 }));
    const r = evaluate({ ...snap(objs()), kinds });
    expect(r.rules.find((s) => s.id === RULE)).toMatchObject({ id: RULE, status: "passed", findings: 0 });
  });
});

describe("platform components", () => {
  it("a CVE in a platform component's image is not an expected finding", () => {
    const proxy: KubeObject = {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "kube-proxy", namespace: "kube-system", uid: "kp-1" },
      spec: { selector: { matchLabels: { k8s_app: "kube-proxy" } }, template: { metadata: { labels: { k8s_app: "kube-proxy" } }, spec: { hostNetwork: true, containers: [{ name: "kube-proxy", image: "registry.k8s.io/kube-proxy:v1.30.0", securityContext: { privileged: true } }] } } },
    };
    const rep = imported({ registry: "registry.k8s.io", repository: "kube-proxy", tag: "v1.30.0" }, [{ id: "CVE-2024-24790", package: "stdlib", installedVersion: "v1.22.2", fixedVersion: "1.22.4", severity: "critical" }]);
    const r = evaluate(snap([proxy], { vulnerabilityReports: [rep] }));
    // Its privileged container is expected; its CVE is not.
    expect(r.findings.find((f) => f.ruleId === "privileged-container")!.baseline).toBeDefined();
    const f = vulnFindings(r)[0]!;
    expect(f.baseline).toBeUndefined();
    expect(r.counts.critical).toBeGreaterThanOrEqual(1);
  });
});

describe("exposed and vulnerable", () => {
  // A hardened workload: nothing else makes a risk of it.
  const hardened = (image: string): KubeObject[] => [
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "shop", uid: "h-1" },
      spec: {
        selector: { matchLabels: { app: "web" } },
        template: {
          metadata: { labels: { app: "web" } },
          spec: {
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
            containers: [{ name: "web", image, securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } } }],
          },
        },
      },
    },
    { apiVersion: "networking.k8s.io/v1", kind: "NetworkPolicy", metadata: { name: "web", namespace: "shop", uid: "h-2" }, spec: { podSelector: {}, policyTypes: ["Ingress"], ingress: [{ ports: [{ port: 8080 }] }] } },
  ];
  const lb: KubeObject = { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop", uid: "h-3" }, spec: { type: "LoadBalancer", selector: { app: "web" }, ports: [{ port: 80 }] } };
  const rep = (severity: "critical" | "high") => imported({ registry: "docker.io", repository: "library/nginx", tag: "1.21.0" }, [{ ...CRITICAL_FIXABLE, severity }]);

  it("an exposed workload with a critical fixable CVE is a critical risk of its own", () => {
    const r = evaluate(snap([...hardened("nginx:1.21.0"), lb], { vulnerabilityReports: [rep("critical")] }));
    const risk = riskOf(r, "exposed-vulnerable")!;
    expect(risk.severity).toBe("critical");
    expect(risk.title).toBe("Exposed and vulnerable: Deployment shop/web is reachable from outside and runs an image with a critical fixable CVE");
    expect(risk.steps.map((s) => s.kind)).toEqual(["exposure", "vulnerability"]);
    expect(JSON.stringify(risk)).toContain("CVE-2021-23017");
    expect(r.risks.map((x) => x.type)).toEqual(["exposed-vulnerable"]);
  });

  it("high for a high fixable CVE; none when not exposed, or when the report is stale", () => {
    expect(riskOf(evaluate(snap([...hardened("nginx:1.21.0"), lb], { vulnerabilityReports: [rep("high")] })), "exposed-vulnerable")!.severity).toBe("high");
    expect(evaluate(snap(hardened("nginx:1.21.0"), { vulnerabilityReports: [rep("critical")] })).risks).toEqual([]);
    expect(evaluate(snap([...hardened("nginx:1.21.0"), lb], { vulnerabilityReports: [rep("critical")], takenAt: "2027-01-01T00:00:00Z" })).risks).toEqual([]);
  });

  it("an exposed-weak workload rises to critical with a critical fixable CVE", () => {
    const objs = base().filter((o) => o.kind !== "VulnerabilityReport");
    for (const o of objs) if (o.kind === "Deployment" || o.kind === "ReplicaSet" || o.kind === "Pod") delete (podSpec(o).containers[0] as any).securityContext;
    const before = riskOf(evaluate(snap(objs)), "exposed-weak")!;
    expect(before.severity).not.toBe("critical");
    const after = riskOf(evaluate(snap(objs, { vulnerabilityReports: [rep("critical")] })), "exposed-weak")!;
    expect(after.severity).toBe("critical");
    expect(after.steps.map((s) => s.kind).slice(0, 2)).toEqual(["exposure", "vulnerability"]);
    expect(riskOf(evaluate(snap(objs, { vulnerabilityReports: [rep("critical")] })), "exposed-vulnerable")).toBeUndefined();
  });
});

function podSpec(o: KubeObject): any {
  return o.kind === "Pod" ? (o as any).spec : (o as any).spec.template.spec;
}

describe("incremental judging", () => {
  const settings: EngineSettings = {};
  const same = (s: Snapshot, res: EvaluationResult) => expect(comparableResult(res)).toEqual(comparableResult(evaluate(s, settings)));

  it("a VulnerabilityReport added, changed or removed re-judges its workload as a full evaluation would", () => {
    const objs = base();
    const report = objs.find((o) => o.kind === "VulnerabilityReport")!;
    const start = objs.filter((o) => o !== report);
    let { judge } = judgeFull(snap(start), settings);
    const added = snap(objs);
    let out = judgeChanges(judge, added, [changeRef(report)], settings);
    expect(out.rejudged.full).toBe(false);
    expect(vulnFindings(out.result)).toHaveLength(1);
    same(added, out.result);
    judge = out.judge;

    const changed = structuredClone(report) as any;
    changed.metadata.resourceVersion = "2";
    changed.report.vulnerabilities = changed.report.vulnerabilities.filter((v: any) => v.severity !== "CRITICAL");
    const s2 = snap(objs.map((o) => (o === report ? changed : o)));
    out = judgeChanges(judge, s2, [changeRef(changed, report)], settings);
    expect(vulnFindings(out.result)[0]!.severity).toBe("high");
    same(s2, out.result);
    judge = out.judge;

    const s3 = snap(start);
    out = judgeChanges(judge, s3, [changeRef(changed)], settings);
    expect(vulnFindings(out.result)).toEqual([]);
    same(s3, out.result);
  });

  it("a rollout (new ReplicaSet, pods on the new image) and new imports are followed", () => {
    const objs = base();
    const { judge } = judgeFull(snap(objs), settings);
    const next = rolledOut(objs);
    const s = snap(next);
    const changed = next.filter((o) => o.kind !== "Namespace" && o.kind !== "Service" && o.kind !== "VulnerabilityReport");
    const out = judgeChanges(judge, s, changed.map((o) => changeRef(o)), settings);
    expect(vulnFindings(out.result)).toEqual([]);
    same(s, out.result);
    // An import for the new digest arrives with the next batch, nothing else changed.
    const s2 = snap(next, { vulnerabilityReports: [imported({ registry: "docker.io", repository: "library/nginx", digest: OTHER_DIGEST }, [{ ...CRITICAL_FIXABLE, id: "CVE-2099-0001" }])] });
    const out2 = judgeChanges(out.judge, s2, [], settings);
    expect(vulnFindings(out2.result)[0]!.details!.vulnerabilities!.cves[0]!.id).toBe("CVE-2099-0001");
    same(s2, out2.result);
  });
});
