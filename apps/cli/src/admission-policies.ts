// `bulwark admission-policies`: ValidatingAdmissionPolicy + Binding objects (admissionregistration.k8s.io/v1)
// that stop what the rules flag from being deployed again. Prints multi-document YAML (or a JSON
// List) for `kubectl apply -f -`; what could not be expressed goes to stderr.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { stringify } from "yaml";
import { ADMISSION_POLICY_RULES, generateAdmissionPolicies, getRule, SEVERITIES, type AdmissionPolicyOptions, type CustomRuleDef, type Severity } from "@bulwark/rules";
import type { Io } from "./cli";
import { loadCustomRules, loadExceptions } from "./config-files";
import { UsageError } from "./errors";

export const ADMISSION_POLICIES_USAGE = `Usage: bulwark admission-policies [options]

Prints ValidatingAdmissionPolicy and ValidatingAdmissionPolicyBinding objects
(admissionregistration.k8s.io/v1, Kubernetes 1.30+) for every rule that can be
judged on a single object, and for custom CEL rules. Apply with
  bulwark admission-policies --action audit | kubectl apply -f -

Options:
  --action deny|warn|audit   What a violation does (default deny): deny rejects the
                             request, warn admits it with a warning, audit only
                             records it in the API server's audit log
  --only RULE                Only this rule (repeatable; default every rule)
  --severity SEVERITY        Only rules at or above SEVERITY (critical|high|medium|
                             low|info; custom rules by their own severity)
  --namespace NS             Only these namespaces (repeatable)
  --exclude-namespace NS     Skip these namespaces (repeatable; default kube-system,
                             kube-public, kube-node-lease)
  --exceptions FILE          Exceptions file (as for scan): excepted objects are
                             admitted (expired exceptions are left out)
  --cluster NAME             Keep exceptions scoped to this cluster (others with a
                             cluster scope are left out)
  --rules DIR                Custom CEL rules (as for scan) become policies too
  --allowed-registry R       Allowed image registry or prefix (repeatable), for
                             image-registry-not-allowed
  --prefix P                 Name prefix of every object (default bulwark-)
  --format yaml|json         Output format (default yaml; json is a v1 List)
  -o, --output FILE          Write to FILE instead of stdout
`;

export async function admissionPoliciesCommand(io: Io): Promise<number> {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      args: io.argv.slice(1),
      options: {
        action: { type: "string" },
        only: { type: "string", multiple: true },
        severity: { type: "string" },
        namespace: { type: "string", multiple: true },
        "exclude-namespace": { type: "string", multiple: true },
        exceptions: { type: "string" },
        cluster: { type: "string" },
        rules: { type: "string" },
        "allowed-registry": { type: "string", multiple: true },
        prefix: { type: "string" },
        format: { type: "string" },
        output: { type: "string", short: "o" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: false,
      strict: true,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) {
    io.stdout(ADMISSION_POLICIES_USAGE);
    return 0;
  }
  const format = (values.format as string | undefined) ?? "yaml";
  if (format !== "yaml" && format !== "json") throw new UsageError(`--format must be yaml or json, got ${JSON.stringify(format)}`);
  const action = (values.action as string | undefined) ?? "deny";
  if (action !== "deny" && action !== "warn" && action !== "audit") throw new UsageError(`--action must be deny, warn or audit, got ${JSON.stringify(action)}`);

  const customRules: CustomRuleDef[] = values.rules ? loadCustomRules(values.rules as string, io.cwd) : [];
  const only = (values.only as string[] | undefined) ?? [];
  const customIds = new Set(customRules.map((r) => r.id));
  const unknown = only.filter((id) => !customIds.has(id) && !getRule(id));
  if (unknown.length) throw new UsageError(`--only: no such rule: ${unknown.join(", ")} (see \`bulwark rules\`)`);

  let minSeverity: Severity | undefined;
  if (values.severity !== undefined) {
    const s = String(values.severity).toLowerCase();
    if (!(SEVERITIES as readonly string[]).includes(s)) throw new UsageError(`--severity must be one of ${SEVERITIES.join(", ")}; got ${JSON.stringify(values.severity)}`);
    minSeverity = s as Severity;
  }
  const atLeast = (sev: Severity | undefined) => !minSeverity || (sev !== undefined && SEVERITIES.indexOf(sev) <= SEVERITIES.indexOf(minSeverity));
  let ruleIds = only.length ? only : undefined;
  if (minSeverity) {
    const candidates = ruleIds ?? [...ADMISSION_POLICY_RULES, ...customRules.map((r) => r.id)];
    ruleIds = candidates.filter((id) => atLeast(customRules.find((r) => r.id === id)?.severity ?? getRule(id)?.severity));
    if (ruleIds.length === 0) throw new UsageError(`--severity ${minSeverity}: no rule asked for is at or above it`);
  }

  const now = Date.now();
  const cluster = values.cluster as string | undefined;
  const exceptions = values.exceptions
    ? loadExceptions(values.exceptions as string, io.cwd).filter((e) => {
        if (e.expiresAt && !(Date.parse(e.expiresAt) > now)) return false;
        if (e.cluster !== undefined && e.cluster !== cluster) return false;
        return true;
      })
    : [];

  const options: AdmissionPolicyOptions = {
    action,
    ...(ruleIds ? { ruleIds } : {}),
    ...(values.namespace ? { namespaces: values.namespace as string[] } : {}),
    ...(values["exclude-namespace"] ? { excludeNamespaces: values["exclude-namespace"] as string[] } : {}),
    ...(values["allowed-registry"] ? { allowedRegistries: values["allowed-registry"] as string[] } : {}),
    ...(values.prefix !== undefined ? { prefix: values.prefix as string } : {}),
    exceptions: exceptions.map((e) => ({
      ruleId: e.ruleId,
      ...(e.namespace !== undefined ? { namespace: e.namespace } : {}),
      ...(e.kind !== undefined ? { kind: e.kind } : {}),
      ...(e.name !== undefined ? { name: e.name } : {}),
      ...(e.labelSelector ? { labelSelector: e.labelSelector } : {}),
    })),
    customRules,
  };
  let set;
  try {
    set = generateAdmissionPolicies(options);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  // Without --only, rules that cannot be expressed are simply not emitted; with it, say why.
  for (const s of only.length ? set.skipped : set.skipped.filter((x) => customIds.has(x.ruleId) || (minSeverity && x.ruleId !== "image-registry-not-allowed"))) {
    io.stderr(`bulwark: ${s.ruleId}: not emitted: ${s.reason}\n`);
  }
  if (set.objects.length === 0) {
    io.stderr("bulwark: no admission policy could be generated for the rules asked for\n");
    return 2;
  }
  const text =
    format === "json"
      ? JSON.stringify({ apiVersion: "v1", kind: "List", metadata: {}, items: set.objects }, null, 2) + "\n"
      : set.objects.map((o) => stringify(o, { lineWidth: 0 })).join("---\n");
  const output = values.output as string | undefined;
  if (output) {
    writeFileSync(resolve(io.cwd, output), text);
    io.stderr(`bulwark: wrote ${set.ruleIds.length} admission policies (${action}) to ${output}\n`);
  } else io.stdout(text);
  return 0;
}
