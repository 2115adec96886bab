// The history of a finding or risk, oldest first: what scans saw (first seen, resolved, reopened,
// exceptions) and what people did (assignments, status changes, comments, exception requests and
// approvals), each with who and when.
import Link from "next/link";
import { CircleDot, CheckCircle2, MessageSquare, RotateCcw, ShieldCheck, UserRound, ArrowRightLeft, CalendarClock, ScanSearch } from "lucide-react";
import { Time } from "@/modules/ui/components/time";
import { FINDING_STATUS_STYLE, type TFindingStatus } from "@/modules/ui/severity";
import { cn } from "@/modules/ui/cn";
import { exceptionCoverText, exceptionRequestText, requestIsSeparate, type THistoryException } from "@/modules/exceptions/exception-history";

export interface THistoryEvent {
  id: string;
  type: string;
  data: unknown;
  scanId: string | null;
  createdAt: Date;
  actor: { id: string; email: string; name: string | null } | null;
}

const statusLabel = (s: unknown) => (typeof s === "string" && s in FINDING_STATUS_STYLE ? FINDING_STATUS_STYLE[s as TFindingStatus].label : String(s ?? "?"));

export function FindingHistory({
  events, firstSeenAt, firstSeenScanId, members, meId, exceptions = [], subject = "this finding",
}: {
  events: THistoryEvent[];
  firstSeenAt: Date;
  firstSeenScanId: string;
  members: Map<string, string>;
  meId: string;
  exceptions?: THistoryException[];
  /** "this finding" or "this risk", as the sentences name it. */
  subject?: string;
}) {
  const person = (id: unknown) => (typeof id !== "string" ? "nobody" : id === meId ? "you" : (members.get(id) ?? "a former member"));
  const byId = new Map(exceptions.map((e) => [e.id, e]));
  // Requests made from this item get their own line when they were asked (a direct grant is one line).
  const requests = exceptions
    .filter((e) => e.fromHere && requestIsSeparate(e))
    .map((e) => ({ id: `request-${e.id}`, icon: ShieldCheck, tone: "text-violet-700", who: "", what: <Link href={`/exceptions/${e.id}`} className="underline-offset-4 hover:underline">{exceptionRequestText(e, meId)}</Link>, at: e.createdAt, comment: null as string | null, scanId: null as string | null }));
  const items = [
    { id: "first", icon: ScanSearch, tone: "text-zinc-500", who: "Scan", what: <>first saw {subject}</>, at: firstSeenAt, comment: null as string | null, scanId: firstSeenScanId as string | null },
    ...events.map((ev) => ({ ...describe(ev), scanId: ev.scanId })),
    ...requests,
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  function describe(ev: THistoryEvent) {
    const d = (ev.data ?? {}) as Record<string, unknown>;
    const who = ev.actor ? (ev.actor.id === meId ? "You" : (ev.actor.name ?? ev.actor.email)) : "Scan";
    switch (ev.type) {
      case "assigned":
        return { id: ev.id, icon: UserRound, tone: "text-indigo-600", who, what: d.to ? <>assigned it to <strong className="font-medium text-zinc-900">{person(d.to)}</strong></> : <>unassigned it</>, at: ev.createdAt, comment: (d.comment as string) ?? null };
      case "status":
        return { id: ev.id, icon: ArrowRightLeft, tone: "text-blue-600", who, what: <>changed status {statusLabel(d.from)} → <strong className="font-medium text-zinc-900">{statusLabel(d.to)}</strong></>, at: ev.createdAt, comment: (d.comment as string) ?? null };
      case "comment":
        return { id: ev.id, icon: MessageSquare, tone: "text-zinc-600", who, what: <>commented</>, at: ev.createdAt, comment: (d.body as string) ?? null };
      case "resolved":
        return { id: ev.id, icon: CheckCircle2, tone: "text-green-700", who, what: <>no longer saw it: <strong className="font-medium text-green-800">resolved</strong></>, at: ev.createdAt, comment: null };
      case "reopened":
        return { id: ev.id, icon: RotateCcw, tone: "text-rose-700", who, what: <>saw it again: <strong className="font-medium text-rose-800">reopened</strong></>, at: ev.createdAt, comment: null };
      case "retired":
        return { id: ev.id, icon: CircleDot, tone: "text-zinc-500", who, what: <>stopped judging it ({typeof d.reason === "string" ? d.reason : "rule retired"}): <strong className="font-medium text-zinc-900">resolved</strong></>, at: ev.createdAt, comment: null };
      case "excepted": {
        // The actor of this event is whoever triggered the approval (or a scan): the sentence names the people of the exception instead.
        const ex = typeof d.exceptionId === "string" ? byId.get(d.exceptionId) : undefined;
        const text = ex
          ? exceptionCoverText(ex, meId, subject)
          : `An exception covers ${subject}${typeof d.expiresAt === "string" ? ` until ${d.expiresAt.slice(0, 10)}` : ""}`;
        return { id: ev.id, icon: ShieldCheck, tone: "text-violet-700", who: "", what: <>{ex ? <Link href={`/exceptions/${ex.id}`} className="underline-offset-4 hover:underline">{text}</Link> : text}: <strong className="font-medium text-violet-800">excepted</strong></>, at: ev.createdAt, comment: null };
      }
      case "exception_ended":
      case "exception_expired":
        return {
          id: ev.id, icon: ShieldCheck, tone: "text-amber-700", who: "",
          what: <>{d.reason === "revoked" && ev.actor ? `${who} revoked the exception` : d.reason === "expired" ? "The exception expired" : "The exception ended"}: back to <strong className="font-medium text-zinc-900">open</strong></>,
          at: ev.createdAt, comment: null,
        };
      case "due":
        return { id: ev.id, icon: CalendarClock, tone: "text-zinc-600", who, what: <>set the due date to {typeof d.dueAt === "string" ? d.dueAt.slice(0, 10) : "none"}</>, at: ev.createdAt, comment: null };
      default:
        return { id: ev.id, icon: CircleDot, tone: "text-zinc-500", who, what: <>{ev.type.replace(/_/g, " ")}</>, at: ev.createdAt, comment: (d.comment as string) ?? null };
    }
  }
  return (
    <ol className="relative space-y-4" aria-label="History">
      <span aria-hidden className="absolute bottom-2 left-[11px] top-2 w-px bg-zinc-200" />
      {items.map((it) => (
        <li key={it.id} className="relative flex gap-3">
          <span className={cn("relative z-10 flex size-6 shrink-0 items-center justify-center rounded-full bg-white ring-1 ring-zinc-200", it.tone)}>
            <it.icon className="size-3.5" aria-hidden />
          </span>
          <div className="min-w-0 flex-1 pt-0.5 text-sm">
            <p className="text-zinc-700">
              {it.who && <><span className="font-medium text-zinc-900">{it.who}</span> </>}{it.what}{" "}
              <span className="text-xs text-zinc-500">
                · <Time date={it.at} />
                {it.scanId && <> · <Link className="underline-offset-4 hover:text-zinc-800 hover:underline" href={`/scans/${it.scanId}`}>what changed in that scan</Link></>}
              </span>
            </p>
            {it.comment && <p className="mt-1 whitespace-pre-line rounded-md bg-zinc-50 px-3 py-2 text-sm text-zinc-800 ring-1 ring-inset ring-zinc-200">{it.comment}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
