// /api/admission-policies: the organization's ValidatingAdmissionPolicies as one YAML file
// (lib/api-routes.ts spreads the row in).
import { download } from "@/lib/download";
import type { TRouteDef } from "@/lib/route";
import { orgRoute } from "@/lib/route";
import { ADMISSION_FILENAME } from "../prevention.schemas";
import { admissionPoliciesOp } from "./admission";

export const PREVENTION_ROUTES = {
  "GET /api/admission-policies": orgRoute({
    summary: "Admission policies: ValidatingAdmissionPolicy and binding pairs (admissionregistration.k8s.io/v1) that stop the rules' findings from being deployed",
    description:
      "Query: action (audit | warn | deny, default deny: roll out audit, then warn, then deny), exclude (comma-separated namespaces the bindings leave out; kube-system, kube-public and kube-node-lease always are), exceptions (0 leaves out the organization's approved, unexpired exceptions, which are otherwise match conditions that let the excepted objects through; exceptions with a label selector are never included), custom (0 leaves out the enabled custom CEL rules), cluster (a cluster id: its scoped exceptions too). Rules the policy disables are left out; image registry rules use the policy's allowed registries. Answers a text/yaml attachment, bulwark-admission-policies.yaml, for `kubectl apply -f` on Kubernetes 1.30 or later. `bulwark admission-policies` prints the same from the CLI.",
    op: admissionPoliciesOp,
    input: "query",
    file: {
      contentTypes: ["text/yaml; charset=utf-8"],
      reply: (data) => download(data.yaml, "text/yaml; charset=utf-8", ADMISSION_FILENAME),
    },
  }),
} satisfies Record<string, TRouteDef>;
