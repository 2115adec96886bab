import { describe, expect, it } from "vitest";
import { findFieldLine, parseManifests, splitPath } from "./parse-manifests";
import { snapshotFromManifests } from "./snapshot";

const deployment = `# leading comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  annotations:
    container.apparmor.security.beta.kubernetes.io/app: unconfined
spec:
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.25
        - name: sidecar
          image: envoy
          securityContext:
            privileged: true
`;

describe("parseManifests", () => {
  it("reads multi-document YAML with document lines", () => {
    const text = `${deployment}---\napiVersion: v1\nkind: Service\nmetadata: { name: web }\n---\n# only a comment\n`;
    const r = parseManifests(text, "app.yaml");
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => o.kind)).toEqual(["Deployment", "Service"]);
    expect(r.locations).toEqual([
      { file: "app.yaml", line: 2 },
      { file: "app.yaml", line: 20 },
    ]);
  });

  it("points at the offending field, or its deepest existing parent", () => {
    const r = parseManifests(deployment, "d.yaml");
    expect(r.fieldLine(0, "spec.template.spec.containers[1].securityContext.privileged")).toBe(18);
    expect(r.fieldLine(0, "spec.template.spec.containers[0].image")).toBe(14);
    // missing field: the container that should carry it
    expect(r.fieldLine(0, "spec.template.spec.containers[0].securityContext.runAsNonRoot")).toBe(13);
    // annotation key with dots, written either way
    expect(r.fieldLine(0, "metadata.annotations.container.apparmor.security.beta.kubernetes.io/app")).toBe(8);
    expect(r.fieldLine(0, 'metadata.annotations["container.apparmor.security.beta.kubernetes.io/app"]')).toBe(8);
    expect(findFieldLine(deployment, 2, "spec.template.spec.containers[1].image")).toBe(16);
  });

  it("reports a broken document with its line and still parses the rest", () => {
    const text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: [oops\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n";
    const r = parseManifests(text, "mixed.yaml");
    expect(r.objects.map((o) => o.metadata.name)).toEqual(["a", "c"]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.file).toBe("mixed.yaml");
    expect(r.errors[0]!.line).toBeGreaterThanOrEqual(8);
    expect(r.errors[0]!.line).toBeLessThanOrEqual(9);
    expect(r.locations[1]!.line).toBe(10);
  });

  it("rejects documents that are not objects or lack kind/apiVersion", () => {
    const r = parseManifests("- a\n- b\n---\nkind: Pod\nmetadata: {name: x}\n---\njust a string\n", "f.yaml");
    expect(r.objects).toEqual([]);
    expect(r.errors.map((e) => e.line)).toEqual([1, 4, 7]);
    expect(r.errors[1]!.message).toMatch(/no apiVersion/);
  });

  it("reads JSON and flattens List kinds with each item's line", () => {
    const json = JSON.stringify(
      {
        apiVersion: "v1",
        kind: "List",
        items: [
          { apiVersion: "v1", kind: "Pod", metadata: { name: "p1" }, spec: { containers: [{ name: "c", image: "x" }] } },
          { apiVersion: "v1", kind: "Pod", metadata: { name: "p2" }, spec: { hostNetwork: true, containers: [] } },
        ],
      },
      null,
      2,
    );
    const r = parseManifests(json, "list.json");
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => o.metadata.name)).toEqual(["p1", "p2"]);
    const lines = json.split("\n");
    expect(lines[r.locations[1]!.line - 1]).toMatch(/\{/);
    expect(lines[r.fieldLine(1, "spec.hostNetwork") - 1]).toMatch(/"hostNetwork": true/);
  });

  it("fills kind and apiVersion of typed list items (kubectl get deployments -o yaml)", () => {
    const r = parseManifests("apiVersion: apps/v1\nkind: DeploymentList\nitems:\n  - metadata: {name: a}\n  - metadata: {name: b}\n", "l.yaml");
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => [o.apiVersion, o.kind, o.metadata.name])).toEqual([
      ["apps/v1", "Deployment", "a"],
      ["apps/v1", "Deployment", "b"],
    ]);
    expect(r.locations.map((l) => l.line)).toEqual([4, 5]);
  });

  it("refuses alias bombs without hanging", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]",
      "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]",
      "apiVersion: v1",
      "kind: ConfigMap",
    ].join("\n");
    const started = Date.now();
    const r = parseManifests(bomb, "bomb.yaml");
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.objects).toEqual([]);
    expect(r.errors[0]!.message).toMatch(/alias/i);
  });

  it("redacts Secret values to sizes", () => {
    const text = [
      "apiVersion: v1",
      "kind: Secret",
      "metadata:",
      "  name: db",
      "  annotations:",
      '    kubectl.kubernetes.io/last-applied-configuration: \'{"data":{"password":"aHVudGVyMg=="}}\'',
      "data:",
      "  password: aHVudGVyMg==",
      "stringData:",
      "  token: s3cr3t-token",
    ].join("\n");
    const r = parseManifests(text, "s.yaml");
    const s = r.objects[0]!;
    expect(s.data).toEqual({ password: "<redacted:7 bytes>" });
    expect(s.stringData).toEqual({ token: "<redacted:12 bytes>" });
    expect(JSON.stringify(s)).not.toMatch(/aHVudGVyMg|s3cr3t/);
  });

  it("builds a manifests snapshot", () => {
    const r = parseManifests(deployment, "d.yaml");
    const snap = snapshotFromManifests(r.objects, r.locations, { kubeVersion: "1.29" });
    expect(snap).toMatchObject({ source: "manifests", kindsComplete: false, kinds: [], kubeVersion: "1.29" });
    expect(snap.locations).toHaveLength(1);
  });

  it("splits paths with indices and quoted keys", () => {
    expect(splitPath('spec.containers[1].env[0]["a.b"]')).toEqual(["spec", "containers", 1, "env", 0, "a.b"]);
  });
});

describe("YAML as Kubernetes reads it", () => {
  it("treats yes/on/y as true, 0o and leading-zero octal as numbers, and merges <<", () => {
    const text = [
      "apiVersion: v1",
      "kind: Pod",
      "metadata: {name: p, annotations: {when: 2001-12-14, t: 1:30}}",
      "spec:",
      "  hostNetwork: yes",
      "  hostPID: On",
      "  hostIPC: y",
      "  shareProcessNamespace: no",
      "  containers:",
      "    - &base",
      "      name: a",
      "      image: x",
      "      securityContext: {runAsUser: 0o0, runAsGroup: 017, privileged: Y}",
      "    - <<: *base",
      "      name: b",
    ].join("\n");
    const r = parseManifests(text, "p.yaml");
    expect(r.errors).toEqual([]);
    const spec = r.objects[0]!.spec as any;
    expect([spec.hostNetwork, spec.hostPID, spec.hostIPC, spec.shareProcessNamespace]).toEqual([true, true, true, false]);
    expect(spec.containers[0].securityContext).toEqual({ runAsUser: 0, runAsGroup: 15, privileged: true });
    expect(spec.containers[1]).toMatchObject({ name: "b", image: "x", securityContext: { privileged: true } });
    // go-yaml keeps these as strings
    expect(r.objects[0]!.metadata.annotations).toEqual({ when: "2001-12-14", t: "1:30" });
  });
});

describe("parseManifests: input problems", () => {
  it("reports a document without metadata or name, and still judges it", () => {
    const text = "apiVersion: v1\nkind: Pod\nspec: {containers: []}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {labels: {a: b}}\n---\napiVersion: batch/v1\nkind: Job\nmetadata: {generateName: run-}\n";
    const r = parseManifests(text, "n.yaml");
    expect(r.objects.map((o) => o.kind)).toEqual(["Pod", "ConfigMap", "Job"]);
    expect(r.errors).toEqual([
      { file: "n.yaml", line: 1, message: expect.stringMatching(/^document \(Pod\) has no metadata: the API server would refuse it/) },
      { file: "n.yaml", line: 5, message: expect.stringMatching(/^document \(ConfigMap\) has no metadata\.name \(or generateName\)/) },
    ]);
  });

  it("refuses kinds a built-in API group does not have, and accepts custom resources", () => {
    const text = [
      "apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: a}",
      "apiVersion: apps/v1\nkind: deployment\nmetadata: {name: b}",
      "apiVersion: v1\nkind: Deployment\nmetadata: {name: c}",
      "apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: d}",
      "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: e}",
      "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]",
    ].join("\n---\n");
    const r = parseManifests(text, "k.yaml");
    expect(r.objects.map((o) => o.metadata.name)).toEqual(["c", "d", "e"]);
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [1, "document: API group apps has no kind Deploymnet: the API server would refuse it; not scanned"],
      [5, "document: API group apps has no kind deployment (did you mean Deployment?): the API server would refuse it; not scanned"],
      [9, "document: the core API group has no kind Deployment (Deployment is in API group apps): the API server would refuse it; judged as a Deployment"],
      [21, expect.stringMatching(/kustomize Kustomization, not a Kubernetes object/)],
    ]);
  });
});
