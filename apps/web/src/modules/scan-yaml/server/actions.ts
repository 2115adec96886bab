"use server";
// Judges pasted manifests with the same rules and settings as cluster scans: the organization's
// policy (profile, platform baseline, overrides, disabled rules, parameters), its exceptions that
// apply to every cluster and its enabled custom rules, built by the one engine-settings builder.
// The evaluation runs off the request thread (evaluate-request: rate limit, nesting pre-check,
// worker thread with a deadline); the engine is pure (no cluster, nothing executed); nothing is stored.
import { getEngineSettingsInput } from "@bulwark/db";
import { withOrg } from "@/modules/auth/server/with-org";
import { ZScanYaml } from "../scan-yaml.schemas";
import { evaluateForRequest } from "./evaluate-request";
import type { scanYaml } from "./rules-tasks";

export const scanYamlAction = withOrg({ schema: ZScanYaml, permission: "org:read" }, async (input, ctx) => {
  const now = new Date();
  const settings = await getEngineSettingsInput({ orgId: ctx.orgId, now });
  return evaluateForRequest<ReturnType<typeof scanYaml>>(
    { kind: "scan-yaml", yaml: input.yaml, fileName: input.fileName || "manifest.yaml", ...(input.kubeVersion ? { kubeVersion: input.kubeVersion } : {}), settings, now: now.toISOString() },
    ctx,
  );
});
