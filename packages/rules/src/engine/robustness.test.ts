// Every built-in rule must survive malformed input (wrong types where a manifest author or an old
// API version put something unexpected): the engine isolates a throwing rule, but a rule that
// throws judges nothing, so here a throw is a bug. Fixed seed so CI is deterministic; explore with
// ROBUSTNESS_SEED=<n> ROBUSTNESS_RUNS=<n> npx vitest run packages/rules/src/engine/robustness.test.ts
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { builtinRules } from "../rules";
import type { KubeObject } from "../types";
import { evaluate } from "./evaluate";

const KINDS = [...new Set(builtinRules.flatMap((r) => [...r.kinds, ...(r.requiresKinds ?? [])]))].filter((k) => k !== "*");

// Values of the wrong shape, biased towards the field names rules read.
const junk: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, true, false, 0, -1, 65536, "", "ALL", "0", "/", "Unconfined", "*"),
    fc.string({ maxLength: 8 }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(
      fc.constantFrom(
        "containers", "initContainers", "ephemeralContainers", "securityContext", "capabilities", "add", "drop",
        "volumes", "hostPath", "path", "ports", "hostPort", "containerPort", "name", "image", "template", "spec",
        "metadata", "labels", "annotations", "selector", "matchLabels", "rules", "subjects", "roleRef", "verbs",
        "resources", "apiGroups", "data", "env", "valueFrom", "limits", "requests", "podSelector", "ingress",
        "egress", "webhooks", "command", "args", "jobTemplate", "seccompProfile", "type", "sysctls", "volumeMounts",
      ),
      tie("value"),
      // YAML and JSON parsers never produce prototype-less objects.
      { maxKeys: 5, noNullPrototype: true },
    ),
  ),
})).value;

const object: fc.Arbitrary<KubeObject> = fc.record({
  kind: fc.constantFrom(...KINDS),
  name: fc.constantFrom("a", "b", "default"),
  namespace: fc.constantFrom(undefined, "default", "kube-system", "shop"),
  labels: fc.option(fc.dictionary(fc.constantFrom("app", "tier"), fc.constantFrom("a", "b"), { noNullPrototype: true }), { nil: undefined }),
  spec: junk,
  extra: junk,
}).map(({ kind, name, namespace, labels, spec, extra }) => ({
  apiVersion: "v1",
  kind,
  metadata: { name, ...(namespace ? { namespace } : {}), ...(labels ? { labels } : {}) },
  spec,
  data: extra,
  rules: extra,
  subjects: extra,
  roleRef: extra,
  webhooks: extra,
}));

// Realistic skeletons with junk at the leaves, so the rules get past their first shape checks.
const container = fc.record(
  {
    name: fc.oneof(fc.constantFrom("app", "init"), junk),
    image: fc.oneof(fc.constantFrom("nginx", "nginx:latest", "ghcr.io/a/b@sha256:00", "x:1"), junk),
    securityContext: fc.oneof(junk, fc.record({ capabilities: fc.oneof(junk, fc.record({ add: junk, drop: junk })), seccompProfile: junk, privileged: junk, runAsUser: junk, procMount: junk, windowsOptions: junk, appArmorProfile: junk, seLinuxOptions: junk })),
    ports: fc.oneof(junk, fc.array(fc.record({ containerPort: junk, hostPort: junk, name: junk }), { maxLength: 2 })),
    env: fc.oneof(junk, fc.array(fc.record({ name: junk, value: junk, valueFrom: junk }), { maxLength: 2 })),
    resources: junk,
    livenessProbe: junk,
    readinessProbe: junk,
    lifecycle: junk,
    volumeMounts: fc.oneof(junk, fc.array(fc.record({ name: junk, mountPath: junk, readOnly: junk }), { maxLength: 2 })),
    command: junk,
    args: junk,
  },
  { requiredKeys: [] },
);
const podSpec = fc.record(
  {
    containers: fc.oneof(junk, fc.array(container, { maxLength: 2 })),
    initContainers: fc.oneof(junk, fc.array(container, { maxLength: 1 })),
    volumes: fc.oneof(junk, fc.array(fc.record({ name: junk, hostPath: junk, secret: junk, configMap: junk, projected: junk }), { maxLength: 2 })),
    securityContext: junk,
    hostNetwork: junk,
    hostAliases: junk,
    serviceAccountName: junk,
    automountServiceAccountToken: junk,
    os: junk,
    affinity: junk,
    tolerations: junk,
  },
  { requiredKeys: [] },
);
const workload: fc.Arbitrary<KubeObject> = fc
  .record({ kind: fc.constantFrom("Pod", "Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"), spec: podSpec, annotations: fc.option(fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { noNullPrototype: true }), { nil: undefined }) })
  .map(({ kind, spec, annotations }) => {
    const template = { metadata: { labels: { app: "a" }, ...(annotations ? { annotations } : {}) }, spec };
    const body =
      kind === "Pod" ? spec : kind === "CronJob" ? { schedule: "* * * * *", jobTemplate: { spec: { template } } } : { selector: { matchLabels: { app: "a" } }, template };
    return { apiVersion: "v1", kind, metadata: { name: "w", namespace: "shop", ...(annotations ? { annotations } : {}) }, spec: body } as KubeObject;
  });

// Every case of every rule's fixtures, with one to three fields (anywhere in any of its objects,
// metadata included) replaced by a value of the wrong type: the realistic, related objects get
// every rule (cross-object ones too) deep into its logic before it meets the odd value.
const here = dirname(fileURLToPath(import.meta.url));
const fixtureCases: KubeObject[][] = [];
for (const rel of readdirSync(join(here, "..", "rules"), { recursive: true }) as string[]) {
  if (!rel.endsWith(".fixtures.yaml")) continue;
  const doc = parse(readFileSync(join(here, "..", "rules", rel), "utf8")) as { cases?: Array<{ objects?: unknown[] }> };
  for (const c of doc?.cases ?? []) {
    const objects = (c.objects ?? []).filter((o): o is KubeObject => !!o && typeof o === "object");
    if (objects.length) fixtureCases.push(objects);
  }
}

type Path = Array<string | number>;
/** Paths to every field and array element of a value (the value's own path excluded). */
function fieldPaths(v: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(v)) v.forEach((x, i) => { out.push([...prefix, i]); fieldPaths(x, [...prefix, i], out); });
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) { out.push([...prefix, k]); fieldPaths(x, [...prefix, k], out); }
  return out;
}
const casePaths = fixtureCases.map((objects) => fieldPaths(objects));

const mutatedCase: fc.Arbitrary<KubeObject[]> = fc
  .record({ i: fc.nat({ max: fixtureCases.length - 1 }), pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), values: fc.array(junk, { minLength: 3, maxLength: 3 }) })
  .map(({ i, pick, values }) => {
    const copy = structuredClone(fixtureCases[i]!) as any[];
    const paths = casePaths[i]!;
    pick.forEach((p, j) => {
      const path = paths[p % paths.length]!;
      let at: any = copy;
      for (const k of path.slice(0, -1)) {
        if (!at || typeof at !== "object") return;
        at = at[k];
      }
      if (at && typeof at === "object") at[path[path.length - 1]!] = values[j];
    });
    return copy as KubeObject[];
  });

const ruleErrors = (objects: KubeObject[], complete: boolean) =>
  evaluate({ source: complete ? "cluster" : "manifests", objects, kinds: [], kindsComplete: complete, kubeVersion: "1.29" })
    .rules.filter((r) => r.reason?.startsWith("rule error"))
    .map((r) => `${r.id}: ${r.reason}`);

describe("built-in rules on malformed objects", () => {
  it("judge RBAC rules whose list fields are not string arrays", () => {
    const objects = [
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name: "odd" }, rules: [null, 7, { apiGroups: "*", resources: 5, verbs: { a: 1 } }, { apiGroups: ["*"], resources: ["*", 3], verbs: ["*"], resourceNames: "aws-auth" }] },
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name: 12, namespace: ["x"] }, rules: { verbs: ["*"] } },
      { apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", metadata: null, roleRef: "odd", subjects: [1, { kind: "User" }] },
    ] as unknown as KubeObject[];
    expect(ruleErrors(objects, true)).toEqual([]);
    expect(ruleErrors(objects, false)).toEqual([]);
    // The well-formed rule in the malformed role is still judged, at its own index.
    const res = evaluate({ source: "cluster", objects, kinds: [], kindsComplete: true, kubeVersion: "1.29" });
    const wild = res.findings.filter((f) => (f.checks ?? [f.ruleId]).includes("rbac-wildcard-all-resources"));
    expect(wild.map((f) => `${f.object.name} ${f.path}`)).toEqual(["odd rules[3]"]);
  });

  it("never throw", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(object, workload), { minLength: 1, maxLength: 6 }), fc.boolean(), (objects, complete) => {
        expect(ruleErrors(objects, complete)).toEqual([]);
      }),
      { numRuns: Number(process.env.ROBUSTNESS_RUNS ?? 400), seed: Number(process.env.ROBUSTNESS_SEED ?? 20261123) },
    );
  });

  it("never throw on fixture cases with wrong types in random fields", () => {
    expect(fixtureCases.length).toBeGreaterThan(400);
    fc.assert(
      fc.property(fc.array(mutatedCase, { minLength: 1, maxLength: 2 }), fc.boolean(), (cases, complete) => {
        expect(ruleErrors(cases.flat(), complete)).toEqual([]);
      }),
      { numRuns: Number(process.env.ROBUSTNESS_RUNS ?? 800), seed: Number(process.env.ROBUSTNESS_SEED ?? 20261123) },
    );
  });
});
