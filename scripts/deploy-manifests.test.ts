// Bulwark's own deployment (deploy/kubernetes) renders with kubectl's built-in kustomize, base and
// production overlay, and Bulwark's scan of the render has no open high or critical finding and no
// risk: the product passes its own judgement.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate, parseManifests, snapshotFromManifests } from "@bulwark/rules";

const ROOT = path.resolve(__dirname, "..");
const KUBECTL = "/usr/bin/kubectl";

function render(dir: string): string {
  return execFileSync(KUBECTL, ["kustomize", path.join(ROOT, dir)], { encoding: "utf8" });
}

describe.skipIf(!existsSync(KUBECTL))("deploy/kubernetes", () => {
  for (const dir of ["deploy/kubernetes", "deploy/kubernetes/overlays/production"]) {
    it(`${dir} renders and scans clean`, () => {
      const yaml = render(dir);
      const parsed = parseManifests(yaml, "all.yaml");
      expect(parsed.errors).toEqual([]);
      const kinds = parsed.objects.map((o) => o.kind);
      for (const k of ["Namespace", "Deployment", "Job", "NetworkPolicy", "PodDisruptionBudget", "HorizontalPodAutoscaler", "Service"]) expect(kinds).toContain(k);
      // Secrets are referenced, never written into the manifests.
      expect(kinds).not.toContain("Secret");
      const result = evaluate(snapshotFromManifests(parsed.objects, parsed.locations));
      const serious = result.findings.filter((f) => !f.exception && !f.baseline && (f.severity === "high" || f.severity === "critical"));
      expect(serious.map((f) => `${f.ruleId} ${f.object.kind}/${f.object.name} ${f.path}`)).toEqual([]);
      expect((result.risks ?? []).map((r) => r.id)).toEqual([]);
      // The workloads meet the restricted profile the namespace enforces.
      for (const ruleId of ["privileged-container", "run-as-non-root", "allow-privilege-escalation", "read-only-root-fs", "seccomp-required", "caps-drop-all"]) {
        expect(result.findings.filter((f) => f.ruleId === ruleId || f.checks?.includes(ruleId))).toEqual([]);
      }
    });
  }
});
