// Tickets linked to a finding, a risk or a rule: key (a link to the issue when its address is a
// plain http(s) URL), Bulwark's status, the remote status, and why a delivery failed.
import { ExternalLink } from "lucide-react";
import type { TTicketView } from "@bulwark/db";
import { cn } from "@/modules/ui/cn";
import { Time } from "@/modules/ui/components/time";
import { KIND_LABEL, TICKET_STATUS_LABEL, safeHttpUrl } from "../tickets.schemas";

const STATUS_STYLE: Record<string, string> = {
  pending: "bg-amber-50 text-amber-800 ring-amber-200",
  open: "bg-blue-50 text-blue-800 ring-blue-200",
  closed: "bg-green-50 text-green-800 ring-green-200",
  failed: "bg-red-50 text-red-800 ring-red-200",
};

const SOURCE_LABEL: Record<string, string> = { finding: "this finding", risk: "a risk", rule: "its rule group" };

export function TicketStatusBadge({ status }: { status: string }) {
  return <span className={cn("inline-flex items-center whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", STATUS_STYLE[status] ?? "bg-zinc-50 text-zinc-600 ring-zinc-200")}>{TICKET_STATUS_LABEL[status] ?? status}</span>;
}

export function TicketList({ tickets, from, label }: { tickets: TTicketView[]; from?: "finding" | "risk" | "rule"; label: string }) {
  return (
    <ul className="space-y-2.5" aria-label={label}>
      {tickets.map((tk) => {
        const href = safeHttpUrl(tk.url);
        const name = tk.externalKey ?? (tk.status === "failed" ? "Not created" : "Creating…");
        return (
          <li key={tk.id} className="text-sm">
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              {href ? (
                <a href={href} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 font-mono text-xs font-medium text-indigo-700 underline-offset-4 hover:underline">
                  {name}<ExternalLink className="size-3" aria-hidden /><span className="sr-only">(opens {KIND_LABEL[tk.kind]})</span>
                </a>
              ) : (
                <span className="font-mono text-xs font-medium text-zinc-800">{name}</span>
              )}
              <TicketStatusBadge status={tk.status} />
              {tk.remoteStatus && <span className="text-xs text-zinc-600">{KIND_LABEL[tk.kind].split(" ")[0]}: {tk.remoteStatus}</span>}
            </div>
            <div className="mt-0.5 text-xs text-zinc-500">
              {tk.integrationName}
              {from && tk.source !== from ? ` · from ${SOURCE_LABEL[tk.source] ?? tk.source}` : ""} · <Time date={tk.createdAt} />
            </div>
            {tk.lastError && (
              <p className="mt-0.5 break-words text-xs text-red-700">
                {tk.status === "pending" ? "Last attempt failed, retrying: " : tk.status === "failed" ? "Gave up: " : ""}
                {tk.lastError}
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
