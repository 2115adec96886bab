// The engine settings for one scan: the organization's policy, its approved and unexpired
// exceptions for this cluster and its enabled custom rules, loaded from the database and built by
// the one engine-settings builder (@bulwark/rules buildEngineSettings). Nothing here may stop a
// scan: a malformed policy reads as defaults, and a custom rule that does not compile is reported
// as not evaluated with the reason.
import { getEngineSettingsInput } from "@bulwark/db";
import { buildEngineSettings, type BuiltEngineSettings } from "@bulwark/rules";

export async function scanSettings(input: { orgId: string; clusterId: string; clusterName: string; now?: Date }): Promise<BuiltEngineSettings> {
  const now = input.now ?? new Date();
  const loaded = await getEngineSettingsInput({ orgId: input.orgId, clusterId: input.clusterId, now });
  return buildEngineSettings({ ...(loaded ?? { policy: {} }), clusterName: input.clusterName, now });
}
