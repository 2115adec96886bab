// What buildEngineSettings (@bulwark/rules) needs for one organization, loaded once for every caller
// (the worker's cluster scans, the web's "scan YAML"): the policy read tolerantly, the approved
// unexpired exceptions that can apply, the enabled custom rules' definitions and the active CVE
// exceptions.
import type { BuildEngineSettingsInput } from "@bulwark/rules";
import { db } from "../client";
import { listActiveExceptions } from "../exceptions/list-active-exceptions";
import { listActiveCveExceptions } from "../images/cve-exceptions";
import { toEngineException } from "../exceptions/to-engine-exception";
import { customRuleDef } from "./custom-rules";
import { listCustomRules } from "./get-policy";
import { readPolicy } from "./policy-schema";

export type TEngineSettingsInput = Required<Pick<BuildEngineSettingsInput, "policy" | "exceptions" | "customRules" | "cveExceptions">>;

/**
 * With a cluster: exceptions scoped to it or to every cluster. Without one (pasted manifests):
 * only exceptions scoped to every cluster. null when the organization does not exist.
 */
export async function getEngineSettingsInput(input: { orgId: string; clusterId?: string; now?: Date }): Promise<TEngineSettingsInput | null> {
  const [org, exceptions, custom, cveExceptions] = await Promise.all([
    db.organization.findUnique({ where: { id: input.orgId }, select: { policy: true } }),
    listActiveExceptions({ orgId: input.orgId, ...(input.clusterId ? { clusterId: input.clusterId } : {}), now: input.now ?? new Date() }),
    listCustomRules({ orgId: input.orgId, enabledOnly: true }),
    listActiveCveExceptions({ orgId: input.orgId, ...(input.clusterId ? { clusterId: input.clusterId } : {}), now: input.now ?? new Date() }),
  ]);
  if (!org) return null;
  return {
    policy: readPolicy(org.policy),
    exceptions: exceptions.filter((e) => input.clusterId || e.clusterId === null).map(toEngineException),
    customRules: custom.map(customRuleDef),
    cveExceptions,
  };
}
