// The engine settings of a watched cluster and a hash of what they were built from, so that the
// live judge can re-read them often and cheaply notice a change (policy, exceptions, custom rules),
// which calls for a full judge. Built by the same builder as a scan's (../policy).
import { createHash } from "node:crypto";
import { getEngineSettingsInput } from "@bulwark/db";
import { buildEngineSettings, type BuiltEngineSettings } from "@bulwark/rules";

export interface TLiveSettings extends BuiltEngineSettings {
  hash: string;
}

export async function liveSettings(input: { orgId: string; clusterId: string; clusterName: string; now?: Date }): Promise<TLiveSettings> {
  const now = input.now ?? new Date();
  const loaded = (await getEngineSettingsInput({ orgId: input.orgId, clusterId: input.clusterId, now })) ?? { policy: {} };
  const hash = createHash("sha256").update(JSON.stringify([loaded, input.clusterName])).digest("hex");
  return { ...buildEngineSettings({ ...loaded, clusterName: input.clusterName, now }), hash };
}
