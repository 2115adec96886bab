"use client";
// "Create ticket" on a finding, a risk or a rule group: one item per enabled integration. The
// ticket is saved as pending and the worker creates the issue; asking again answers the existing one.
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { ChevronDown, TicketPlus } from "lucide-react";
import { buttonClass } from "@/modules/ui/components/button";
import { useToast } from "@/modules/ui/components/toast";
import { KIND_LABEL, type TTicketKindValue } from "../tickets.schemas";
import { createTicketAction } from "../server/ticket-actions";

export interface TTicketSubject {
  source: "finding" | "risk" | "rule";
  id: string;
  /** rule tickets: only this cluster's findings */
  clusterId?: string;
  /** what the menu's name says, e.g. "this finding" */
  label: string;
}

export function CreateTicketMenu({
  subject, integrations, size = "sm", align = "start",
}: { subject: TTicketSubject; integrations: Array<{ id: string; name: string; kind: TTicketKindValue }>; size?: "sm" | "md"; /** "end": the menu opens leftwards, for a button at a row's right edge */ align?: "start" | "end" }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [pending, start] = useTransition();
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const outside = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [open]);

  function create(integration: { id: string; name: string }) {
    setOpen(false);
    start(async () => {
      const key = subject.source === "finding" ? "findingId" : subject.source === "risk" ? "riskId" : "ruleId";
      const res = await createTicketAction({ integrationId: integration.id, source: subject.source, [key]: subject.id, ...(subject.clusterId ? { clusterId: subject.clusterId } : {}) });
      if (!res.ok) return toast.show({ tone: "error", title: "No ticket created", body: res.error });
      toast.show(
        res.data.created
          ? { tone: "success", title: `Ticket queued in ${integration.name}`, body: "It shows as pending until the worker has created the issue." }
          : { tone: "success", title: `Already tracked in ${integration.name}`, body: res.data.ticket.externalKey ? `As ${res.data.ticket.externalKey}.` : "The ticket is listed here." },
      );
      router.refresh();
    });
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === "Escape" && open) {
      e.stopPropagation();
      setOpen(false);
      trigger.current?.focus();
      return;
    }
    if (!open || (e.key !== "ArrowDown" && e.key !== "ArrowUp")) return;
    e.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    items[(at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length]?.focus();
  }

  return (
    <div ref={root} className="relative inline-block" onKeyDown={onKeyDown}>
      <button
        ref={trigger}
        type="button"
        className={buttonClass("secondary", size)}
        disabled={pending}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`Create ticket for ${subject.label}`}
        onClick={() => setOpen((o) => !o)}
      >
        <TicketPlus className="size-3.5" aria-hidden />
        {pending ? "Creating…" : "Create ticket"}
        <ChevronDown className="size-3.5" aria-hidden />
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label={`Create ticket for ${subject.label} in`} className={`absolute ${align === "end" ? "right-0" : "left-0"} z-20 mt-1 w-max min-w-56 max-w-[min(22rem,calc(100vw-2rem))] rounded-md bg-white py-1 shadow-lg ring-1 ring-zinc-200`}>
          {integrations.map((i) => (
            <button key={i.id} type="button" role="menuitem" onClick={() => create(i)} className="flex w-full items-center justify-between gap-3 px-3 py-1.5 text-left text-sm text-zinc-800 hover:bg-zinc-50 focus:bg-zinc-100 focus:outline-none">
              <span className="truncate font-medium">{i.name}</span>
              <span className="shrink-0 text-xs text-zinc-500">{KIND_LABEL[i.kind]}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
