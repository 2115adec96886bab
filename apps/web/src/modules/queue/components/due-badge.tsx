import { AlarmClock } from "lucide-react";
import { cn } from "@/modules/ui/cn";
import { DUE_TONE_CLASS, type TDueTone } from "../due";

export function DueBadge({ label, tone, title }: { label: string; tone: TDueTone; title: string }) {
  return (
    <span title={title} className={cn("inline-flex items-center gap-1 whitespace-nowrap rounded-md px-1.5 py-0.5 text-xs tabular-nums", DUE_TONE_CLASS[tone])}>
      {tone === "overdue" && <AlarmClock className="size-3" aria-hidden />}
      {label}
    </span>
  );
}
