// What the live indicator says, from a poll's answer: shared by the client badge and its tests.

export interface TLiveView {
  stamp: string;
  lastEventAt: string | null;
  live: number;
  clusters: number;
  watch?: { continuous: boolean; state: string; error: string | null };
  lastChangeAt?: string | null;
}

export type TLiveTone = "live" | "off" | "pending" | "fallback" | "error";

/** "12 s ago" under a minute (the badge ticks), then the coarser shared wording. */
export function sinceLabel(at: string | null, now: Date): string | null {
  if (!at) return null;
  const s = Math.max(0, Math.round((now.getTime() - new Date(at).getTime()) / 1000));
  if (s < 60) return `${s} s ago`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 48) return `${h} h ago`;
  return `${Math.round(h / 24)} d ago`;
}

export function liveStatus(v: TLiveView, now: Date): { tone: TLiveTone; label: string; detail?: string } {
  const since = sinceLabel(v.lastEventAt, now);
  const last = since ? `last change ${since}` : "no change seen yet";
  if (v.watch) {
    const w = v.watch;
    if (!w.continuous) return { tone: "off", label: "Continuous scanning off", detail: "Scheduled and manual scans only." };
    if (w.state === "live") return { tone: "live", label: `Live · ${last}` };
    if (w.state === "fallback") return { tone: "fallback", label: `Scheduled scans only${w.error ? `: ${w.error}` : ""}`, detail: "The credential may not list and watch every kind the rules read; scheduled scans keep running." };
    if (w.state === "error") return { tone: "error", label: `Watch failed${w.error ? `: ${w.error}` : ""} · retrying`, detail: "Bulwark reconnects with backoff; scheduled scans keep running meanwhile." };
    return { tone: "pending", label: "Starting continuous scanning…", detail: "A worker opens the watch; findings update live once it is running." };
  }
  if (v.clusters === 0) return { tone: "off", label: "No clusters yet" };
  if (v.live === 0) return { tone: "off", label: "No cluster is watched live", detail: "Pages update when a scan finishes." };
  return { tone: "live", label: `Live · ${v.live === v.clusters ? (v.clusters === 1 ? "1 cluster" : `all ${v.clusters} clusters`) : `${v.live} of ${v.clusters} clusters`} · ${last}` };
}

/** Someone is typing in a field or has a dialog open: a re-render now would be in their way. */
export function userIsBusy(doc: Document): boolean {
  if (doc.querySelector("dialog[open], [aria-modal='true']")) return true;
  const el = doc.activeElement as HTMLElement | null;
  if (!el) return false;
  if (el.isContentEditable || el.tagName === "TEXTAREA" || el.tagName === "SELECT") return true;
  if (el.tagName === "INPUT") return !["checkbox", "radio", "button", "submit", "reset"].includes((el as HTMLInputElement).type);
  return false;
}
