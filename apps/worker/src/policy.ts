// Turns an organization's stored policy JSON into engine settings, tolerating old or partial shapes.
import type { EngineSettings } from "@bulwark/rules";
import { z } from "zod";

const ZSeverity = z.enum(["critical", "high", "medium", "low", "info"]);
const ZPolicy = z
  .object({
    severityOverrides: z.record(z.string(), ZSeverity).optional(),
    disabledRules: z.array(z.string()).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    exceptions: z
      .array(
        z.object({
          id: z.string(),
          ruleId: z.string(),
          cluster: z.string().optional(),
          namespace: z.string().optional(),
          kind: z.string().optional(),
          name: z.string().optional(),
          labelSelector: z.record(z.string(), z.string()).optional(),
          justification: z.string(),
          expiresAt: z.string().optional(),
        }),
      )
      .optional(),
  })
  .passthrough();

export function policyToSettings(policy: unknown, clusterName: string): EngineSettings {
  const parsed = ZPolicy.safeParse(policy ?? {});
  // A malformed policy must not stop scanning: fall back to defaults (the web validates on save).
  const p = parsed.success ? parsed.data : {};
  return {
    ...(p.severityOverrides ? { severityOverrides: p.severityOverrides } : {}),
    ...(p.disabledRules ? { disabledRules: p.disabledRules } : {}),
    ...(p.params ? { params: p.params } : {}),
    ...(p.exceptions ? { exceptions: p.exceptions } : {}),
    clusterName,
  };
}
