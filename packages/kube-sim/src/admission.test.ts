// ValidatingAdmissionPolicies served and enforced by kube-sim over HTTPS: discovery, validation of
// the policy objects, matching (resources, operations, namespace and object selectors, binding
// matchResources), matchConditions, variables, failurePolicy, validationActions and the Status the
// apiserver answers with.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKubeSim, type KubeObject, type KubeSim } from "./index";
import { call, tokenOf } from "./test-util";

let sim: KubeSim;
let token: string;
const VAP = "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicies";
const VAPB = "/apis/admissionregistration.k8s.io/v1/validatingadmissionpolicybindings";

beforeAll(async () => {
  sim = await startKubeSim({
    version: "1.30",
    objects: [
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "prod", labels: { env: "prod" } } },
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "dev", labels: { env: "dev" } } },
    ],
  });
  token = tokenOf(sim, "admin");
});
afterAll(async () => {
  await sim?.close();
});

const post = (path: string, body: unknown, query = "") => call(sim, path + query, { token, method: "POST", body });
const del = (path: string) => call(sim, path, { token, method: "DELETE" });

function policy(name: string, spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: "admissionregistration.k8s.io/v1",
    kind: "ValidatingAdmissionPolicy",
    metadata: { name },
    spec: { matchConstraints: { resourceRules: [{ apiGroups: ["apps"], apiVersions: ["v1"], resources: ["deployments"], operations: ["CREATE", "UPDATE"] }] }, ...spec },
  };
}
function binding(name: string, policyName: string, actions: string[], extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: "admissionregistration.k8s.io/v1", kind: "ValidatingAdmissionPolicyBinding", metadata: { name }, spec: { policyName, validationActions: actions, ...extra } };
}
function deployment(name: string, ns: string, replicas: number, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: ns, labels },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "c", image: "nginx:1.27" }] } } },
  };
}
const deployments = (ns: string) => `/apis/apps/v1/namespaces/${ns}/deployments`;

async function reset(): Promise<void> {
  for (const b of (await call(sim, VAPB, { token })).json.items) await del(`${VAPB}/${b.metadata.name}`);
  for (const p of (await call(sim, VAP, { token })).json.items) await del(`${VAP}/${p.metadata.name}`);
  for (const ns of ["prod", "dev"]) for (const d of (await call(sim, deployments(ns), { token })).json.items) await del(`${deployments(ns)}/${d.metadata.name}`);
}

describe("ValidatingAdmissionPolicy in kube-sim", () => {
  it("is served: discovery lists both kinds, cluster-scoped", async () => {
    const r = await call(sim, "/apis/admissionregistration.k8s.io/v1", { token });
    const byName = Object.fromEntries(r.json.resources.map((x: any) => [x.name, x]));
    expect(byName.validatingadmissionpolicies).toMatchObject({ kind: "ValidatingAdmissionPolicy", namespaced: false });
    expect(byName.validatingadmissionpolicybindings).toMatchObject({ kind: "ValidatingAdmissionPolicyBinding", namespaced: false });
  });

  it("denies with the apiserver's Status: 422 Invalid by default, the validation's reason when set", async () => {
    await reset();
    expect((await post(VAP, policy("max-replicas", { variables: [{ name: "limit", expression: "5" }], validations: [{ expression: "object.spec.replicas <= variables.limit" }] }))).status).toBe(201);
    expect((await post(VAPB, binding("max-replicas-binding", "max-replicas", ["Deny"]))).status).toBe(201);
    const denied = await post(deployments("prod"), deployment("big", "prod", 6));
    expect(denied.status).toBe(422);
    expect(denied.json).toMatchObject({
      kind: "Status",
      status: "Failure",
      reason: "Invalid",
      code: 422,
      message: `deployments.apps "big" is forbidden: ValidatingAdmissionPolicy 'max-replicas' with binding 'max-replicas-binding' denied request: failed expression: object.spec.replicas <= variables.limit`,
      details: { name: "big", group: "apps", kind: "deployments" },
    });
    expect(denied.json.details.causes).toEqual([{ message: "ValidatingAdmissionPolicy 'max-replicas' with binding 'max-replicas-binding' denied request: failed expression: object.spec.replicas <= variables.limit" }]);
    expect((await post(deployments("prod"), deployment("small", "prod", 2))).status).toBe(201);
    // an update is judged too, and a dry run is denied the same way
    const upd = await call(sim, `${deployments("prod")}/small`, { token, method: "PATCH", headers: { "Content-Type": "application/merge-patch+json" }, body: { spec: { replicas: 9 } } });
    expect(upd.status).toBe(422);
    expect((await post(deployments("prod"), deployment("big", "prod", 6), "?dryRun=All")).status).toBe(422);

    await post(VAP, policy("forbidden-reason", { validations: [{ expression: "object.metadata.name != 'nope'", message: "name nope is reserved", reason: "Forbidden" }] }));
    await post(VAPB, binding("forbidden-reason-binding", "forbidden-reason", ["Deny"]));
    const forbidden = await post(deployments("prod"), deployment("nope", "prod", 1));
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.reason).toBe("Forbidden");
    expect(forbidden.json.message).toContain("denied request: name nope is reserved");
  });

  it("messageExpression wins over message; Warn admits with a Warning header; Audit records", async () => {
    await reset();
    await post(VAP, policy("two-replicas", { validations: [{ expression: "object.spec.replicas >= 2", message: "static", messageExpression: "'deployment ' + object.metadata.name + ' has ' + string(object.spec.replicas) + ' replica'" }] }));
    await post(VAPB, binding("two-replicas-warn", "two-replicas", ["Warn", "Audit"]));
    const r = await post(deployments("dev"), deployment("solo", "dev", 1));
    expect(r.status).toBe(201);
    expect(r.headers.warning).toBe(`299 - "Validation failed for ValidatingAdmissionPolicy 'two-replicas' with binding 'two-replicas-warn': deployment solo has 1 replica"`);
    expect(sim.admissionAudits().at(-1)).toMatchObject({ policy: "two-replicas", binding: "two-replicas-warn", message: "deployment solo has 1 replica", name: "solo", operation: "CREATE" });
  });

  it("selects by the binding's namespaceSelector (Namespace labels, incl. kubernetes.io/metadata.name) and objectSelector", async () => {
    await reset();
    await post(VAP, policy("no-singletons", { validations: [{ expression: "object.spec.replicas > 1" }] }));
    await post(VAPB, binding("prod-only", "no-singletons", ["Deny"], { matchResources: { namespaceSelector: { matchLabels: { env: "prod" } }, objectSelector: { matchExpressions: [{ key: "tier", operator: "NotIn", values: ["batch"] }] } } }));
    expect((await post(deployments("dev"), deployment("a", "dev", 1))).status).toBe(201);
    expect((await post(deployments("prod"), deployment("a", "prod", 1))).status).toBe(422);
    expect((await post(deployments("prod"), deployment("b", "prod", 1, { tier: "batch" }))).status).toBe(201);
    await del(`${VAPB}/prod-only`);
    await post(VAPB, binding("by-name", "no-singletons", ["Deny"], { matchResources: { namespaceSelector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["dev"] }] } } }));
    expect((await post(deployments("dev"), deployment("c", "dev", 1))).status).toBe(422);
    expect((await post(deployments("prod"), deployment("c", "prod", 1))).status).toBe(201);
  });

  it("matchConditions skip the policy; failurePolicy decides on CEL errors; operations and resources must match", async () => {
    await reset();
    await post(VAP, policy("labelled-only", { matchConditions: [{ name: "labelled", expression: "has(object.metadata.labels) && 'team' in object.metadata.labels" }], validations: [{ expression: "object.spec.replicas > 1" }] }));
    await post(VAPB, binding("labelled-only-binding", "labelled-only", ["Deny"]));
    expect((await post(deployments("dev"), deployment("x", "dev", 1))).status).toBe(201);
    expect((await post(deployments("dev"), deployment("y", "dev", 1, { team: "a" }))).status).toBe(422);
    await reset();
    await post(VAP, policy("fails-closed", { validations: [{ expression: "object.spec.nope == 1" }] }));
    await post(VAPB, binding("fails-closed-binding", "fails-closed", ["Deny"]));
    const closed = await post(deployments("dev"), deployment("z", "dev", 1));
    expect(closed.status).toBe(422);
    expect(closed.json.message).toContain("denied request: expression 'object.spec.nope == 1' resulted in error:");
    await reset();
    await post(VAP, policy("fails-open", { failurePolicy: "Ignore", validations: [{ expression: "object.spec.nope == 1" }] }));
    await post(VAPB, binding("fails-open-binding", "fails-open", ["Deny"]));
    expect((await post(deployments("dev"), deployment("z", "dev", 1))).status).toBe(201);
    await reset();
    await post(
      VAP,
      policy("no-delete", {
        matchConstraints: { resourceRules: [{ apiGroups: ["apps"], apiVersions: ["*"], resources: ["deployments"], operations: ["DELETE"] }] },
        validations: [{ expression: "object == null && !('keep' in oldObject.metadata.labels)", message: "kept" }],
      }),
    );
    await post(VAPB, binding("no-delete-binding", "no-delete", ["Deny"]));
    await post(deployments("dev"), deployment("keeper", "dev", 1, { keep: "yes" }));
    await post(deployments("dev"), deployment("goner", "dev", 1, { app: "x" }));
    expect((await del(`${deployments("dev")}/keeper`)).status).toBe(422);
    expect((await del(`${deployments("dev")}/goner`)).status).toBe(200);
    // Pods are not in the policy's resources
    expect((await post("/api/v1/namespaces/dev/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { containers: [{ name: "c", image: "x" }] } })).status).toBe(201);
    await reset();
  });

  it("rejects a policy whose CEL does not compile and a binding that both denies and warns", async () => {
    const bad = await post(VAP, policy("broken", { validations: [{ expression: "object.spec.replicas >" }, { expression: "nobody.knows" }] }));
    expect(bad.status).toBe(422);
    expect(bad.json.reason).toBe("Invalid");
    expect(bad.json.message).toMatch(/^ValidatingAdmissionPolicy\.admissionregistration\.k8s\.io "broken" is invalid: \[spec\.validations\[0\]\.expression: Invalid value: .*compilation failed.*spec\.validations\[1\]\.expression: Invalid value: "nobody\.knows": compilation failed: ERROR: <input>: undeclared reference to 'nobody'/);
    expect((await call(sim, `${VAP}/broken`, { token })).status).toBe(404);
    const both = await post(VAPB, binding("both", "x", ["Deny", "Warn"]));
    expect(both.status).toBe(422);
    expect(both.json.message).toContain("must not contain both Deny and Warn");
  });
});
