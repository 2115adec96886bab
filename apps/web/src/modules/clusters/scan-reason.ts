// Turns a failed or partial scan's stored error and per-kind read results into one sentence.
export interface TScanReasonInput {
  error?: string | null;
  kinds?: unknown;
}

/**
 * Why a scan is partial or failed, in words. Kinds the scanner could not read are named (the
 * common cause of "partial"); the raw error stays available as detail.
 */
export function scanReason(s: TScanReasonInput): { summary: string; detail?: string } | null {
  const kinds = Array.isArray(s.kinds) ? (s.kinds as Array<{ kind?: string; resource?: string; status?: string }>) : [];
  const forbidden = kinds.filter((k) => k.status === "forbidden").map((k) => k.kind ?? k.resource);
  const failed = kinds.filter((k) => k.status === "failed").map((k) => k.kind ?? k.resource);
  const parts: string[] = [];
  if (forbidden.length) parts.push(`Not allowed to read ${forbidden.join(", ")}; rules that need ${forbidden.length === 1 ? "it" : "them"} were not evaluated.`);
  if (failed.length) parts.push(`Reading ${failed.join(", ")} failed.`);
  if (parts.length) return { summary: parts.join(" "), ...(s.error ? { detail: s.error } : {}) };
  if (s.error) return { summary: s.error };
  return null;
}
