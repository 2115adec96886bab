"use client";
// Severity filter chips: one toggle per severity, pressed when it is part of the filter.
import { cn } from "../cn";
import { SEVERITY_ORDER, SEVERITY_STYLE } from "../severity";

export function SeverityToggles({ selected, onChange }: { selected: readonly string[]; onChange: (next: string[]) => void }) {
  return SEVERITY_ORDER.map((s) => {
    const on = selected.includes(s);
    return (
      <button
        key={s}
        type="button"
        aria-pressed={on}
        onClick={() => onChange(on ? selected.filter((x) => x !== s) : [...selected, s])}
        className={cn(
          "inline-flex items-center gap-1.5 rounded-full px-2.5 py-1 text-xs font-medium ring-1 ring-inset",
          on ? SEVERITY_STYLE[s].badge : "bg-white text-zinc-600 ring-zinc-200 hover:bg-zinc-50",
        )}
      >
        <span aria-hidden className={cn("size-1.5 rounded-full", SEVERITY_STYLE[s].dot)} />
        {SEVERITY_STYLE[s].label}
      </button>
    );
  });
}
