// Status words for deliveries and channels, always with a text label.
import { cn } from "@/modules/ui/cn";

const STYLE: Record<string, { label: string; cls: string }> = {
  sent: { label: "Delivered", cls: "bg-green-50 text-green-700 ring-green-600/25" },
  pending: { label: "Pending", cls: "bg-zinc-50 text-zinc-600 ring-zinc-300" },
  retrying: { label: "Retrying", cls: "bg-amber-50 text-amber-800 ring-amber-500/30" },
  failed: { label: "Failed", cls: "bg-red-50 text-red-700 ring-red-600/25" },
};

export function DeliveryStatus({ status, attempts }: { status: string | null; attempts?: number }) {
  if (!status) return <span className="text-xs text-zinc-500">Nothing sent yet</span>;
  const s = STYLE[status] ?? { label: status, cls: "bg-zinc-50 text-zinc-600 ring-zinc-300" };
  const retrying = status === "pending" && (attempts ?? 0) > 0;
  const shown = retrying ? STYLE.retrying! : s;
  return (
    <span className={cn("inline-flex items-center gap-1.5 whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", shown.cls)}>
      {shown.label}
      {attempts !== undefined && attempts > 1 && <span className="font-normal opacity-80">· {attempts} tries</span>}
    </span>
  );
}
