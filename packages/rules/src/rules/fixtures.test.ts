// Table-driven test over every built-in rule's <id>.fixtures.yaml, plus the registry checks.
// A rule without both a failing and a passing case fails here.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { causeOf } from "../engine/causes";
import { evaluate } from "../engine/evaluate";
import type { KindReadResult, KubeObject, RuleParams, Snapshot } from "../types";
import { builtinRules } from "./index";

const here = dirname(fileURLToPath(import.meta.url));

interface FixtureCase {
  name: string;
  expect: "fail" | "pass" | "not-evaluated";
  paths?: string[];
  kubeVersion?: string;
  complete?: boolean;
  /** Optional per-kind read results, for not-evaluated cases. */
  kinds?: KindReadResult[];
  params?: RuleParams;
  objects: KubeObject[];
}

// Every file under src/rules, keyed by base name, so a rule's file and fixtures are found wherever
// its category folder is.
const files = new Map<string, string[]>();
for (const rel of readdirSync(here, { recursive: true }) as string[]) {
  const base = rel.split(/[\\/]/).pop()!;
  const l = files.get(base) ?? [];
  l.push(join(here, rel));
  files.set(base, l);
}

// Real Kubernetes kinds (built-in API groups plus a few widely deployed CRDs the rules may read).
const KNOWN_KINDS = new Set([
  "Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "ReplicationController",
  "Service", "Endpoints", "EndpointSlice", "ConfigMap", "Secret", "ServiceAccount", "Namespace", "Node",
  "PersistentVolume", "PersistentVolumeClaim", "ResourceQuota", "LimitRange", "Event", "PodTemplate",
  "ComponentStatus", "Binding",
  "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding",
  "NetworkPolicy", "Ingress", "IngressClass",
  "PodDisruptionBudget", "PodSecurityPolicy",
  "HorizontalPodAutoscaler", "VerticalPodAutoscaler",
  "StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "CSIStorageCapacity",
  "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
  "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
  "MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
  "CustomResourceDefinition", "APIService",
  "CertificateSigningRequest", "Lease", "PriorityClass", "RuntimeClass",
  "FlowSchema", "PriorityLevelConfiguration",
  "TokenReview", "SubjectAccessReview",
  // common CRDs
  "SecurityContextConstraints", "Gateway", "HTTPRoute", "GatewayClass",
  "AuthorizationPolicy", "PeerAuthentication", "CiliumNetworkPolicy", "CiliumClusterwideNetworkPolicy",
]);

const PEER_ID_PATTERNS: Record<string, RegExp> = {
  kubescape: /^C-\d{4}(:[A-Za-z0-9-]+)?$/,
  trivy: /^(KSV|KCV)-\d{4}$/,
  pss: /^(baseline|restricted):[A-Za-z_]+$/,
  cis: /^\d+(\.\d+)+$/,
  polaris: /^[a-z][A-Za-z0-9]*$/,
  kubeLinter: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  nsa: /^\S.*$/,
};

describe("rule registry", () => {
  it("has unique ids and aliases", () => {
    const seen = new Set<string>();
    for (const r of builtinRules) {
      for (const id of [r.id, ...(r.aliases ?? [])]) {
        expect(seen.has(id), `duplicate id ${id}`).toBe(false);
        seen.add(id);
      }
    }
  });

  it.each(builtinRules.map((r) => [r.id, r] as const))("%s: metadata is complete and well-formed", (id, r) => {
    expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    const file = join(here, r.category, `${id}.ts`);
    expect(existsSync(file), `${relative(here, file)} must exist (id == file name)`).toBe(true);
    expect(r.title.trim()).not.toBe("");
    expect(r.description.trim()).not.toBe("");
    expect(r.remediation.trim()).not.toBe("");
    expect(["critical", "high", "medium", "low", "info"]).toContain(r.severity);
    for (const k of [...r.kinds, ...(r.requiresKinds ?? [])]) {
      expect(KNOWN_KINDS.has(k), `unknown kind ${k}`).toBe(true);
    }
    for (const [peer, ids] of Object.entries(r.peers)) {
      const re = PEER_ID_PATTERNS[peer];
      expect(re, `unknown peer ${peer}`).toBeDefined();
      for (const pid of ids ?? []) expect(pid, `${peer} id`).toMatch(re!);
    }
  });
});

describe("rule fixtures", () => {
  it("the registry has rules", () => expect(builtinRules.length).toBeGreaterThan(0));
  for (const rule of builtinRules) {
    describe(rule.id, () => {
      const fixtureFile = (files.get(`${rule.id}.fixtures.yaml`) ?? [])[0];
      it("has fixtures with failing and passing cases", () => {
        expect(fixtureFile, `${rule.id}.fixtures.yaml missing`).toBeDefined();
        let doc: { cases?: FixtureCase[] } | undefined;
        try {
          doc = parse(readFileSync(fixtureFile!, "utf8")) as { cases?: FixtureCase[] };
        } catch {
          doc = undefined;
        }
        const cases = doc?.cases ?? [];
        expect(cases.some((c) => c.expect === "fail"), "needs a fail case").toBe(true);
        expect(cases.some((c) => c.expect === "pass"), "needs a pass case").toBe(true);
      });
      if (!fixtureFile) return;
      let doc: { cases?: FixtureCase[] } | undefined;
      try {
        doc = parse(readFileSync(fixtureFile, "utf8")) as { cases?: FixtureCase[] };
      } catch (err) {
        it("fixture file parses", () => {
          throw new Error(`${relative(here, fixtureFile)}: ${err instanceof Error ? err.message : String(err)}`);
        });
        return;
      }
      for (const c of doc?.cases ?? []) {
        it(`${c.expect}: ${c.name}`, () => {
          const snapshot: Snapshot = {
            source: c.complete || c.kinds ? "cluster" : "manifests",
            objects: c.objects ?? [],
            kinds: c.kinds ?? [],
            kindsComplete: c.complete === true,
            ...(c.kubeVersion ? { kubeVersion: String(c.kubeVersion) } : {}),
          };
          const res = evaluate(snapshot, { onlyRules: [rule.id], params: c.params ?? {} });
          const status = res.rules.find((s) => s.id === rule.id);
          expect(status, "rule status").toBeDefined();
          const mine = res.findings.filter((f) => f.ruleId === rule.id);
          if (c.expect === "not-evaluated") {
            expect(status!.status).toBe("not-evaluated");
            return;
          }
          // A pass may say it had nothing to judge (Rule.nothingToJudge): it was still evaluated.
          expect(["passed", "failed"], `rule was not evaluated: ${status!.reason}`).toContain(status!.status);
          if (c.expect === "fail") {
            expect(mine.length, "expected at least one finding").toBeGreaterThan(0);
            for (const f of mine) {
              expect(f.message.trim()).not.toBe("");
              expect(f.path.trim()).not.toBe("");
            }
          } else {
            expect(mine.map((f) => `${f.path}: ${f.message}`)).toEqual([]);
          }
          if (c.paths) {
            const got = [...new Set(mine.map((f) => f.path))].sort();
            // A rule of a cause (engine/causes.ts) reports one finding per anchor (a container, a
            // volume): its paths are the lead ones among the case's.
            if (causeOf(rule.id)) for (const p of got) expect(c.paths).toContain(p);
            else expect(got).toEqual([...new Set(c.paths)].sort());
          }
        });
      }
    });
  }
});
