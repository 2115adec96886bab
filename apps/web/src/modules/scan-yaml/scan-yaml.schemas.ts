import { z } from "zod";

/** Pasted manifests are judged inside the request, so the size stays modest. */
export const MAX_YAML_CHARS = 2 * 1024 * 1024;

export const ZScanYaml = z.object({
  yaml: z.string().min(1, "Paste manifests or upload a file").max(MAX_YAML_CHARS, "Manifests are larger than 2 MiB; use the bulwark CLI for large sets"),
  fileName: z.string().trim().max(200).optional(),
  kubeVersion: z
    .string()
    .trim()
    .regex(/^(1\.\d{1,2})?$/, "Use a Kubernetes minor version such as 1.30")
    .optional()
    .transform((v) => v || undefined),
});
export type TScanYaml = z.infer<typeof ZScanYaml>;
