// The fix model: a finding's Fix as edits, applied, validated as the API server would, planned per
// object in a valid order, and packed as strategic merge patches and a kustomize bundle.
import { parse, parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { evaluate } from "../engine/evaluate";
import { parseManifests, snapshotFromManifests } from "../manifests";
import type { Finding, KubeObject } from "../types";
import { applyEdits, buildFixBundle, fixEdits, planFixes, strategicPatch, validateFixedObject, type FixInput } from "./index";

const deployment = (containerSc: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "shop" },
  spec: {
    replicas: 2,
    template: {
      metadata: { labels: { app: "web" } },
      spec: {
        containers: [
          { name: "sidecar", image: "envoy:1.30" },
          { name: "app", image: "shop/web:1.2", securityContext: containerSc, env: [{ name: "A", value: "1" }] },
        ],
        volumes: [{ name: "tmp", emptyDir: {} }],
        ...extra,
      },
    },
  },
});

const scYaml = (path: string, body: string) => ({ type: "yaml" as const, content: `# ${path}\nsecurityContext:\n${body.split("\n").map((l) => `  ${l}`).join("\n")}\n` });
const C1 = "spec.template.spec.containers[1]";

describe("fixEdits", () => {
  it("flattens a merge patch: maps recurse, null removes, scalars and lists are set", () => {
    const r = fixEdits({ type: "merge-patch", content: JSON.stringify({ spec: { a: { b: 1, c: null }, list: [1, 2], empty: {} } }) });
    expect(r).toEqual({
      edits: [
        { path: ["spec", "a", "b"], value: 1 },
        { path: ["spec", "a", "c"], remove: true },
        { path: ["spec", "list"], value: [1, 2] },
        { path: ["spec", "empty"], value: {} },
      ],
    });
  });

  it("sets a headed YAML snippet at its path, list indexes included", () => {
    const r = fixEdits(scYaml(C1, "capabilities:\n  drop: [ALL]\nallowPrivilegeEscalation: false"));
    expect(r).toEqual({
      edits: [
        { path: ["spec", "template", "spec", "containers", 1, "securityContext", "capabilities", "drop"], value: ["ALL"] },
        { path: ["spec", "template", "spec", "containers", 1, "securityContext", "allowPrivilegeEscalation"], value: false },
      ],
    });
  });

  it("says why a new object or an example value is not applied mechanically", () => {
    const pdb = fixEdits({ type: "yaml", content: "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  maxUnavailable: 1\n" });
    expect(pdb).toEqual({ manual: expect.stringMatching(/^adds a new object: PodDisruptionBudget/) });
    const mem = fixEdits({ type: "yaml", content: "resources:\n  limits:\n    memory: 512Mi", description: "size it from observed usage." });
    expect(mem).toEqual({ manual: expect.stringContaining("needs a value only you know (resources.limits.memory)") });
    expect(fixEdits({ type: "merge-patch", content: "{not json" })).toEqual({ manual: expect.stringContaining("not a valid JSON") });
  });
});

describe("applyEdits", () => {
  it("returns a changed copy, creating maps on the way, and leaves the input alone", () => {
    const o = deployment();
    const before = JSON.stringify(o);
    const out = applyEdits(o, [
      { path: ["spec", "template", "spec", "containers", 0, "securityContext", "runAsNonRoot"], value: true },
      { path: ["spec", "replicas"], remove: true },
    ]);
    expect(JSON.stringify(o)).toBe(before);
    expect((out.spec as any).template.spec.containers[0].securityContext).toEqual({ runAsNonRoot: true });
    expect((out.spec as any).replicas).toBeUndefined();
  });

  it("refuses a path through a list item that does not exist, or through a scalar", () => {
    expect(() => applyEdits(deployment(), [{ path: ["spec", "template", "spec", "containers", 5, "x"], value: 1 }])).toThrow(/does not exist/);
    expect(() => applyEdits(deployment(), [{ path: ["spec", "replicas", "x"], value: 1 }])).toThrow(/not a map/);
  });
});

describe("validateFixedObject", () => {
  it("accepts a plain workload", () => {
    expect(validateFixedObject(deployment())).toEqual([]);
  });

  it("rejects allowPrivilegeEscalation: false with privileged: true or CAP_SYS_ADMIN", () => {
    expect(validateFixedObject(deployment({ privileged: true, allowPrivilegeEscalation: false }))).toEqual([expect.stringContaining("not allowed with privileged: true")]);
    expect(validateFixedObject(deployment({ capabilities: { add: ["CAP_SYS_ADMIN"] }, allowPrivilegeEscalation: false }))).toEqual([expect.stringContaining("CAP_SYS_ADMIN")]);
    expect(validateFixedObject(deployment({ privileged: false, allowPrivilegeEscalation: false }))).toEqual([]);
  });

  it("rejects Localhost seccomp without a profile and runAsNonRoot with UID 0, also from pod level", () => {
    expect(validateFixedObject(deployment({ seccompProfile: { type: "Localhost" } }))).toEqual([expect.stringContaining("localhostProfile is required")]);
    expect(validateFixedObject(deployment({ runAsUser: 0 }, { securityContext: { runAsNonRoot: true } }))).toEqual([expect.stringContaining("runAsUser: 0")]);
  });

  it("rejects an HPA whose minReplicas exceeds maxReplicas", () => {
    const hpa: KubeObject = { apiVersion: "autoscaling/v2", kind: "HorizontalPodAutoscaler", metadata: { name: "h" }, spec: { minReplicas: 2, maxReplicas: 1 } };
    expect(validateFixedObject(hpa)).toEqual([expect.stringContaining("must not exceed")]);
  });
});

describe("strategicPatch", () => {
  it("names list items by merge key and carries the object's identity", () => {
    const o = deployment();
    const patch = strategicPatch(o, [
      { path: ["spec", "template", "spec", "containers", 1, "securityContext", "privileged"], value: false },
      { path: ["spec", "template", "spec", "containers", 1, "env", 0, "value"], value: "2" },
      { path: ["spec", "template", "spec", "securityContext", "runAsNonRoot"], value: true },
      { path: ["spec", "template", "spec", "volumes", 0, "emptyDir", "medium"], value: "Memory" },
    ]);
    expect(patch).toEqual({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "shop" },
      spec: {
        template: {
          spec: {
            containers: [{ name: "app", securityContext: { privileged: false }, env: [{ name: "A", value: "2" }] }],
            securityContext: { runAsNonRoot: true },
            volumes: [{ name: "tmp", emptyDir: { medium: "Memory" } }],
          },
        },
      },
    });
  });

  it("gives removal as null and replaces lists without a merge key whole", () => {
    const o = deployment({ capabilities: { drop: ["NET_RAW"] } });
    const patch = strategicPatch(o, [
      { path: ["spec", "template", "spec", "containers", 1, "securityContext", "capabilities", "drop"], value: ["ALL"] },
      { path: ["spec", "replicas"], remove: true },
    ]);
    expect((patch.spec as any).template.spec.containers).toEqual([{ name: "app", securityContext: { capabilities: { drop: ["ALL"] } } }]);
    expect((patch.spec as any).replicas).toBeNull();
  });
});

const privilegedApeInput = (apeFix: { type: "yaml"; content: string }, withPrivilegedFinding: boolean): FixInput => ({
  object: deployment({ privileged: true }),
  findings: [
    { fingerprint: "ape", ruleId: "allow-privilege-escalation", severity: "medium", path: `${C1}.securityContext.allowPrivilegeEscalation`, fix: apeFix, id: "f-ape" },
    ...(withPrivilegedFinding
      ? [{ fingerprint: "priv", ruleId: "privileged-container", severity: "critical" as const, path: `${C1}.securityContext.privileged`, fix: scYaml(C1, "privileged: false"), id: "f-priv" }]
      : []),
  ],
});

describe("planFixes", () => {
  it("never sets allowPrivilegeEscalation: false on a privileged container", () => {
    const { plan, skipped } = planFixes([privilegedApeInput(scYaml(C1, "allowPrivilegeEscalation: false"), false)]);
    expect(plan).toEqual([]);
    expect(skipped).toEqual([{ fingerprint: "ape", ruleId: "allow-privilege-escalation", reason: expect.stringContaining("privileged: true") }]);
  });

  it("applies privileged: false first, then allowPrivilegeEscalation: false, whatever the input order", () => {
    const { plan, skipped } = planFixes([privilegedApeInput(scYaml(C1, "allowPrivilegeEscalation: false"), true)]);
    expect(skipped).toEqual([]);
    expect(plan).toHaveLength(1);
    const entry = plan[0]!;
    expect(entry.edits.map((e) => e.path.at(-1))).toEqual(["privileged", "allowPrivilegeEscalation"]);
    expect(entry.fingerprints).toEqual(["priv", "ape"]);
    expect(entry.findingIds).toEqual(["f-priv", "f-ape"]);
    expect(entry.target).toEqual({ apiVersion: "apps/v1", kind: "Deployment", namespace: "shop", name: "web" });
    expect(validateFixedObject(applyEdits(deployment({ privileged: true }), entry.edits))).toEqual([]);
  });

  it("keeps the first of two conflicting values and says which fix won", () => {
    const { plan, skipped } = planFixes([
      {
        object: deployment(),
        findings: [
          { fingerprint: "a", ruleId: "uid-above-10000", severity: "low", path: "x", fix: scYaml(C1, "runAsUser: 10001") },
          { fingerprint: "b", ruleId: "custom-uid", severity: "info", path: "x", fix: scYaml(C1, "runAsUser: 20000") },
        ],
      },
    ]);
    expect(plan[0]!.fingerprints).toEqual(["a"]);
    expect(skipped).toEqual([{ fingerprint: "b", ruleId: "custom-uid", reason: expect.stringContaining("conflicts with the fix of uid-above-10000") }]);
  });

  it("fixes a CronJob at its job template's pod spec", () => {
    const cron = parse(`apiVersion: batch/v1
kind: CronJob
metadata: {name: nightly, namespace: ops}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          hostPID: true
          containers:
            - name: job
              image: busybox:1.36
              securityContext: {privileged: true}
`) as KubeObject;
    const snap = snapshotFromManifests([cron], [{ file: "c.yaml", line: 1 }]);
    const findings = evaluate(snap).findings.filter((f) => f.fix);
    expect(findings.length).toBeGreaterThan(0);
    const { plan } = planFixes([{ object: cron, findings }]);
    const fixed = applyEdits(cron, plan[0]!.edits) as any;
    const podSpec = fixed.spec.jobTemplate.spec.template.spec;
    expect(podSpec.hostPID).toBe(false);
    expect(podSpec.containers[0].securityContext.privileged).toBe(false);
    expect((plan[0]!.patch as any).spec.jobTemplate.spec.template.spec.containers[0].name).toBe("job");
  });

  it("leaves fewer fixable findings on a rescan of the fixed objects, and never an invalid one", () => {
    const parsed = parseManifests(`apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: 1
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers:
        - name: api
          image: shop/api:2.0
          securityContext: {privileged: true, capabilities: {add: [NET_ADMIN]}}
`);
    const run = (objects: KubeObject[]) => evaluate(snapshotFromManifests(objects, parsed.locations), { profile: "strict" }).findings;
    const fixable = (fs: Finding[]) => fs.filter((f) => f.fix && !("manual" in fixEdits(f.fix)));
    let objects = parsed.objects;
    const first = fixable(run(objects)).length;
    for (let round = 0; round < 3; round++) {
      const { plan } = planFixes(objects.map((object) => ({ object, findings: run([object]) })));
      if (plan.length === 0) break;
      objects = objects.map((o) => {
        const e = plan.find((p) => p.target.name === o.metadata.name);
        return e ? applyEdits(o, e.edits) : o;
      });
      for (const o of objects) expect(validateFixedObject(o)).toEqual([]);
    }
    expect(first).toBeGreaterThan(3);
    expect(fixable(run(objects))).toEqual([]);
  });
});

describe("buildFixBundle", () => {
  it("writes a kustomization, one patch per object, the same patches in one file and a README", () => {
    const other: FixInput = {
      object: { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "shop" } },
      findings: [{ fingerprint: "sa", ruleId: "default-serviceaccount-automount", path: "automountServiceAccountToken", fix: { type: "merge-patch", content: '{"automountServiceAccountToken":false}' } }],
    };
    const noFix: FixInput = { object: deployment(), findings: [{ fingerprint: "pdb", ruleId: "pdb-missing", path: "x", fix: { type: "yaml", content: "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web}\n" } }] };
    const bundle = buildFixBundle([privilegedApeInput(scYaml(C1, "privileged: false\nallowPrivilegeEscalation: false"), true), other, noFix]);
    expect(bundle.files.map((f) => f.path)).toEqual([
      "kustomization.yaml",
      "patches/deployment-shop-web.yaml",
      "patches/serviceaccount-shop-default.yaml",
      "strategic-merge-patches.yaml",
      "README.txt",
    ]);
    const file = (p: string) => bundle.files.find((f) => f.path === p)!.content;
    expect(parse(file("kustomization.yaml"))).toEqual({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      patches: [
        { path: "patches/deployment-shop-web.yaml", target: { kind: "Deployment", name: "web", namespace: "shop" } },
        { path: "patches/serviceaccount-shop-default.yaml", target: { kind: "ServiceAccount", name: "default", namespace: "shop" } },
      ],
    });
    const docs = parseAllDocuments(file("strategic-merge-patches.yaml")).map((d) => d.toJS());
    expect(docs).toEqual([parse(file("patches/deployment-shop-web.yaml")), parse(file("patches/serviceaccount-shop-default.yaml"))]);
    expect(docs[1]).toEqual({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "default", namespace: "shop" }, automountServiceAccountToken: false });
    expect(bundle.skipped).toEqual([{ fingerprint: "pdb", ruleId: "pdb-missing", reason: expect.stringContaining("adds a new object: PodDisruptionBudget") }]);
    expect(file("README.txt")).toContain("pdb-missing");
  });
});
