// `bulwark admission-policies`: the emitted objects applied with the real kubectl to kube-sim (over
// HTTPS), then pods created through kubectl: a privileged pod is denied with the policy's message,
// a compliant pod is admitted, warn mode admits with a warning; options and usage errors in process.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startKubeSim, type KubeSim } from "@bulwark/kube-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { runCli } from "./cli";

const exec = promisify(execFile);
const KUBECTL = "/usr/bin/kubectl";
const hasKubectl = existsSync(KUBECTL);

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "bulwark-vap-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function bulwark(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli({ argv, cwd: tmp, env: { NO_COLOR: "1" }, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), readStdin: () => "", stdinIsTty: true, stdoutIsTty: false });
  return { code, stdout, stderr };
}

const compliantPod = (name: string, ns: string) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name, namespace: ns },
  spec: {
    securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: "RuntimeDefault" } },
    automountServiceAccountToken: false,
    containers: [
      {
        name: "app",
        image: "ghcr.io/acme/app@sha256:" + "b".repeat(64),
        imagePullPolicy: "Always",
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
        resources: { limits: { cpu: "500m", memory: "256Mi", "ephemeral-storage": "1Gi" }, requests: { cpu: "100m", memory: "128Mi" } },
      },
    ],
  },
});
const privilegedPod = (name: string, ns: string) => {
  const p = compliantPod(name, ns);
  // privileged, otherwise hardened (drop ALL, read-only root; allowPrivilegeEscalation: false
  // beside privileged: true is refused by the apiserver's own validation, so it is left out)
  p.spec.containers[0]!.securityContext = { privileged: true, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } } as never;
  return p;
};

describe("bulwark admission-policies (in process)", () => {
  it("emits a policy and a binding per rule, at least 20, as multi-document YAML", async () => {
    const r = await bulwark(["admission-policies"]);
    expect(r.code, r.stderr).toBe(0);
    const docs = parseAllDocuments(r.stdout).map((d) => d.toJS());
    const policies = docs.filter((d) => d.kind === "ValidatingAdmissionPolicy");
    const bindings = docs.filter((d) => d.kind === "ValidatingAdmissionPolicyBinding");
    expect(policies.length).toBeGreaterThanOrEqual(20);
    expect(bindings.length).toBe(policies.length);
    for (const p of policies) {
      expect(p.apiVersion).toBe("admissionregistration.k8s.io/v1");
      expect(p.metadata.name).toMatch(/^bulwark-[a-z0-9-]+$/);
      expect(p.metadata.labels["app.kubernetes.io/managed-by"]).toBe("bulwark");
      expect(p.metadata.annotations["bulwark.io/rule-id"]).toBeTruthy();
    }
    const b = bindings.find((x) => x.spec.policyName === "bulwark-privileged-container");
    expect(b.spec.validationActions).toEqual(["Deny", "Audit"]);
    expect(b.spec.matchResources.namespaceSelector.matchExpressions).toEqual([{ key: "kubernetes.io/metadata.name", operator: "NotIn", values: ["kube-system", "kube-public", "kube-node-lease"] }]);
  });

  it("options: --only, --action, --namespace, --format json, --exceptions, --rules, -o", async () => {
    writeFileSync(join(tmp, "exceptions.yaml"), "- ruleId: privileged-container\n  namespace: ops\n  name: node-agent\n  justification: needs the host\n- ruleId: host-pid\n  justification: expired\n  expiresAt: 2020-01-01\n");
    writeFileSync(
      join(tmp, "rules.yaml"),
      "id: custom-min-replicas\ntitle: Too few replicas\nseverity: low\nkinds: [Deployment]\nexpression: object.spec.replicas < 2\nmessage: '{{name}} runs one replica'\nremediation: Run at least two replicas.\n",
    );
    const r = await bulwark([
      "admission-policies", "--only", "privileged-container", "--only", "host-pid", "--only", "custom-min-replicas", "--only", "sa-token-automount",
      "--action", "warn", "--namespace", "shop", "--format", "json", "--exceptions", "exceptions.yaml", "--rules", "rules.yaml", "-o", "out.json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("sa-token-automount: not emitted: depends on the ServiceAccount object");
    const list = JSON.parse((await import("node:fs")).readFileSync(join(tmp, "out.json"), "utf8"));
    expect(list.kind).toBe("List");
    const names = list.items.map((o: any) => `${o.kind}/${o.metadata.name}`);
    expect(names).toEqual([
      "ValidatingAdmissionPolicy/bulwark-privileged-container", "ValidatingAdmissionPolicyBinding/bulwark-privileged-container-binding",
      "ValidatingAdmissionPolicy/bulwark-host-pid", "ValidatingAdmissionPolicyBinding/bulwark-host-pid-binding",
      "ValidatingAdmissionPolicy/bulwark-custom-min-replicas", "ValidatingAdmissionPolicyBinding/bulwark-custom-min-replicas-binding",
    ]);
    const priv = list.items[0];
    expect(priv.spec.matchConditions).toEqual([{ name: "bulwark-exceptions", expression: "!((request.namespace == 'ops' && request.name == 'node-agent'))" }]);
    expect(list.items[2].spec.matchConditions).toBeUndefined(); // the expired exception is left out
    expect(list.items[1].spec.validationActions).toEqual(["Warn", "Audit"]);
    expect(list.items[1].spec.matchResources.namespaceSelector.matchExpressions[0]).toEqual({ key: "kubernetes.io/metadata.name", operator: "In", values: ["shop"] });
    expect(list.items[4].spec.validations[0].expression).toBe("!(object.spec.replicas < 2)");
  });

  it("--severity keeps the rules at or above it", async () => {
    const r = await bulwark(["admission-policies", "--severity", "high", "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const ids = JSON.parse(r.stdout).items.filter((o: any) => o.kind === "ValidatingAdmissionPolicy").map((o: any) => o.metadata.annotations["bulwark.io/rule-id"]);
    expect(ids).toContain("privileged-container");
    expect(ids).toContain("host-network");
    expect(ids).not.toContain("host-port");
    expect(ids).not.toContain("cpu-limits-missing");
    expect((await bulwark(["admission-policies", "--severity", "urgent"])).stderr).toMatch(/--severity must be one of/);
  });

  it("usage errors exit 2 with a clear message", async () => {
    expect((await bulwark(["admission-policies", "--action", "block"])).stderr).toMatch(/--action must be deny, warn or audit/);
    const unknown = await bulwark(["admission-policies", "--only", "no-such-rule"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no such rule: no-such-rule/);
    expect((await bulwark(["admission-policies", "--format", "xml"])).code).toBe(2);
    expect((await bulwark(["admission-policies", "--namespace", "Bad_NS"])).stderr).toMatch(/not a valid namespace name/);
    expect((await bulwark(["admission-policies", "--only", "sa-token-automount"])).code).toBe(2);
  });
});

describe.skipIf(!hasKubectl)("bulwark admission-policies applied with kubectl to kube-sim", () => {
  let sim: KubeSim;
  let kubeconfig: string;
  beforeAll(async () => {
    sim = await startKubeSim({
      version: "1.30",
      objects: ["shop", "staging", "kube-system"].map((name) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } })),
    });
    kubeconfig = join(tmp, "kubeconfig");
    writeFileSync(kubeconfig, sim.kubeconfig());
  });
  afterAll(async () => {
    await sim?.close();
  });

  async function kubectl(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
    const file = input === undefined ? undefined : join(tmp, `in-${Math.random().toString(36).slice(2)}.yaml`);
    if (file) writeFileSync(file, input!);
    try {
      const r = await exec(KUBECTL, [...args, ...(file ? ["-f", file] : []), "--request-timeout=10s"], { env: { PATH: "/usr/bin:/bin", HOME: tmp, KUBECONFIG: kubeconfig }, timeout: 30_000 });
      return { code: 0, stdout: r.stdout, stderr: r.stderr };
    } catch (e) {
      const err = e as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof err.code === "number" ? err.code : 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
    }
  }

  it("deny: a privileged pod is denied with the policy's message, a compliant pod is admitted", async () => {
    const out = await bulwark(["admission-policies"]);
    expect(out.code).toBe(0);
    const applied = await kubectl(["apply"], out.stdout);
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain("validatingadmissionpolicy.admissionregistration.k8s.io/bulwark-privileged-container created");
    expect(applied.stdout).toContain("validatingadmissionpolicybinding.admissionregistration.k8s.io/bulwark-privileged-container-binding created");
    const listed = await kubectl(["get", "validatingadmissionpolicies", "-o", "name"]);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout.split("\n").filter(Boolean).length).toBeGreaterThanOrEqual(20);

    // privileged: true also allows privilege escalation, so two policies deny it; the first answers.
    const denied = await kubectl(["apply"], JSON.stringify(privilegedPod("root-shell", "shop")));
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/The pods "root-shell" is invalid: : ValidatingAdmissionPolicy 'bulwark-(allow-privilege-escalation|privileged-container)' with binding '[a-z-]+' denied request: \[(allow-privilege-escalation|privileged-container)\]/);
    expect((await kubectl(["get", "pod", "root-shell", "-n", "shop"])).code).not.toBe(0);
    expect((await kubectl(["delete", "validatingadmissionpolicybinding", "bulwark-allow-privilege-escalation-binding"])).code).toBe(0);
    const deniedAgain = await kubectl(["apply"], JSON.stringify(privilegedPod("root-shell", "shop")));
    expect(deniedAgain.stderr).toContain(
      `The pods "root-shell" is invalid: : ValidatingAdmissionPolicy 'bulwark-privileged-container' with binding 'bulwark-privileged-container-binding' denied request: [privileged-container] Privileged container (container app): Remove securityContext.privileged (or set it to false) and grant only the specific capabilities the process needs.`,
    );

    const ok = await kubectl(["apply"], JSON.stringify(compliantPod("web", "shop")));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("pod/web created");
    expect(ok.stderr).toBe("");

    // kube-system is excluded by default; a server-side dry run is judged like the real write.
    const system = await kubectl(["apply", "--dry-run=server"], JSON.stringify(privilegedPod("agent", "kube-system")));
    expect(system.code, system.stderr).toBe(0);
    const dry = await kubectl(["apply", "--dry-run=server"], JSON.stringify(privilegedPod("agent", "shop")));
    expect(dry.code).not.toBe(0);
    expect(dry.stderr).toContain("denied request: [privileged-container]");

    const removed = await kubectl(["delete", "validatingadmissionpolicybindings", "-l", "app.kubernetes.io/managed-by=bulwark"]);
    expect(removed.code, removed.stderr).toBe(0);
  });

  it("warn: the pod is admitted and kubectl prints the policy's warning", async () => {
    await kubectl(["delete", "validatingadmissionpolicybindings", "-l", "app.kubernetes.io/managed-by=bulwark"]);
    const out = await bulwark(["admission-policies", "--action", "warn", "--only", "privileged-container", "--only", "host-network"]);
    const applied = await kubectl(["apply"], out.stdout);
    expect(applied.code, applied.stderr).toBe(0);
    const pod = privilegedPod("noisy", "staging");
    (pod.spec as Record<string, unknown>).hostNetwork = true;
    const r = await kubectl(["apply"], JSON.stringify(pod));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("pod/noisy created");
    expect(r.stderr).toContain("Warning: Validation failed for ValidatingAdmissionPolicy 'bulwark-privileged-container' with binding 'bulwark-privileged-container-binding': [privileged-container] Privileged container (container app)");
    expect(r.stderr).toContain("Warning: Validation failed for ValidatingAdmissionPolicy 'bulwark-host-network' with binding 'bulwark-host-network-binding': [host-network]");
    const audits = sim.admissionAudits().filter((a) => a.name === "noisy");
    expect(audits.map((a) => a.policy).sort()).toEqual(["bulwark-host-network", "bulwark-privileged-container"]);
  });
});
