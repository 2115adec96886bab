// Severity and status vocabulary: colours from DESIGN.md, always shown with a text label.
export type TSeverity = "critical" | "high" | "medium" | "low" | "info";
export const SEVERITY_ORDER: readonly TSeverity[] = ["critical", "high", "medium", "low", "info"];

export const SEVERITY_STYLE: Record<TSeverity, { label: string; badge: string; dot: string; text: string; bar: string }> = {
  critical: { label: "Critical", badge: "bg-red-50 text-red-700 ring-red-700/25", dot: "bg-red-700", text: "text-red-700", bar: "#b91c1c" },
  high: { label: "High", badge: "bg-orange-50 text-orange-700 ring-orange-600/25", dot: "bg-orange-600", text: "text-orange-600", bar: "#ea580c" },
  medium: { label: "Medium", badge: "bg-amber-50 text-amber-800 ring-amber-500/30", dot: "bg-amber-500", text: "text-amber-700", bar: "#f59e0b" },
  low: { label: "Low", badge: "bg-sky-50 text-sky-700 ring-sky-600/25", dot: "bg-sky-600", text: "text-sky-700", bar: "#0284c7" },
  info: { label: "Info", badge: "bg-slate-50 text-slate-600 ring-slate-500/25", dot: "bg-slate-500", text: "text-slate-600", bar: "#64748b" },
};

export type TFindingStatus = "open" | "in_progress" | "resolved" | "reopened" | "excepted";
export const FINDING_STATUS_STYLE: Record<TFindingStatus, { label: string; badge: string }> = {
  open: { label: "Open", badge: "bg-white text-zinc-700 ring-zinc-300" },
  reopened: { label: "Reopened", badge: "bg-rose-50 text-rose-700 ring-rose-600/25" },
  in_progress: { label: "In progress", badge: "bg-blue-50 text-blue-700 ring-blue-600/25" },
  resolved: { label: "Resolved", badge: "bg-green-50 text-green-700 ring-green-600/25" },
  excepted: { label: "Excepted", badge: "bg-violet-50 text-violet-700 ring-violet-600/25" },
};

export type TScanStatus = "queued" | "running" | "succeeded" | "partial" | "failed";
export const SCAN_STATUS_STYLE: Record<TScanStatus, { label: string; badge: string }> = {
  queued: { label: "Queued", badge: "bg-zinc-50 text-zinc-600 ring-zinc-300" },
  running: { label: "Running", badge: "bg-blue-50 text-blue-700 ring-blue-600/25" },
  succeeded: { label: "Succeeded", badge: "bg-green-50 text-green-700 ring-green-600/25" },
  partial: { label: "Partial", badge: "bg-amber-50 text-amber-800 ring-amber-500/30" },
  failed: { label: "Failed", badge: "bg-red-50 text-red-700 ring-red-600/25" },
};

export type TConnectionStatus = "unknown" | "testing" | "connected" | "error";
export const CONNECTION_STYLE: Record<TConnectionStatus, { label: string; dot: string }> = {
  unknown: { label: "Not checked", dot: "bg-zinc-400" },
  testing: { label: "Testing…", dot: "bg-blue-500 animate-pulse" },
  connected: { label: "Connected", dot: "bg-green-600" },
  error: { label: "Unreachable", dot: "bg-red-600" },
};

export function scoreTone(score: number | null | undefined): string {
  if (score === null || score === undefined) return "text-zinc-400";
  if (score >= 90) return "text-green-700";
  if (score >= 75) return "text-lime-700";
  if (score >= 50) return "text-amber-700";
  return "text-red-700";
}
