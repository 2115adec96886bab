"use client";
// The Findings page's filters as a plain GET form (works without JavaScript); with JavaScript each
// change navigates at once. The URL is the state: a filtered view can be shared as a link. Selects
// size to their content (up to a cap) and carry the whole selected label as a tooltip.
import { usePathname, useRouter } from "next/navigation";
import { useRef } from "react";
import { X } from "lucide-react";
import { cn } from "@/modules/ui/cn";
import { SeverityToggles } from "@/modules/ui/components/severity-toggles";
import { smallSelectClass } from "@/modules/ui/components/small-select";
import { FINDING_STATUS_STYLE, type TFindingStatus } from "@/modules/ui/severity";
import type { TFindingTab } from "../findings.schemas";

export interface TFilterBarProps {
  tab: TFindingTab;
  values: { cluster?: string; namespace?: string; severity: string[]; rule?: string; control?: string; assignee?: string; status: string[]; overdue: boolean; q?: string };
  facets: {
    clusters: Array<{ id: string; name: string }>;
    namespaces: string[];
    rules: Array<{ id: string; title: string }>;
    controls: Array<{ framework: string; options: Array<{ value: string; label: string }> }>;
    members: Array<{ id: string; label: string }>;
  };
  /** Filters that do not apply to the tab (risks have no rule, control or SLA) are not offered. */
  findingFilters?: boolean;
}

const STATUS_OPTIONS: Array<{ value: string; label: string }> = [
  { value: "", label: "Open work" },
  ...(["open", "reopened", "in_progress", "resolved", "excepted"] as TFindingStatus[]).map((s) => ({ value: s, label: FINDING_STATUS_STYLE[s].label })),
];

const inputClass = "h-8 w-full rounded-md border-0 bg-white px-2.5 text-sm ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-500 focus:ring-2 focus:ring-indigo-500 focus:outline-none";

export function FilterBar({ tab, values, facets, findingFilters = true }: TFilterBarProps) {
  const router = useRouter();
  const pathname = usePathname();
  const form = useRef<HTMLFormElement>(null);

  function navigate(overrides: Record<string, string | string[] | undefined> = {}) {
    const fd = new FormData(form.current!);
    const get = (k: string) => (fd.get(k) as string | null) || undefined;
    const merged: Record<string, string | string[] | undefined> = {
      tab,
      q: get("q"),
      cluster: get("cluster"),
      namespace: get("namespace"),
      rule: get("rule"),
      control: get("control"),
      assignee: get("assignee"),
      status: get("status"),
      overdue: fd.get("overdue") ? "1" : undefined,
      severity: values.severity,
      ...overrides,
    };
    const sp = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) {
      if (!v || (Array.isArray(v) && !v.length)) continue;
      sp.set(k, Array.isArray(v) ? v.join(",") : v);
    }
    router.push(`${pathname}?${sp.toString()}`);
  }

  const active = Boolean(values.cluster || values.namespace || values.rule || values.control || (tab !== "mine" && values.assignee) || values.status.length || values.severity.length || values.overdue || values.q);
  const controls = facets.controls.flatMap((g) => g.options);
  const memberOptions = [
    { value: "me", label: "Assigned to me" },
    { value: "unassigned", label: "Unassigned" },
    ...facets.members.map((m) => ({ value: m.id, label: m.label })),
  ];

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Severity">
        <SeverityToggles selected={values.severity} onChange={(severity) => navigate({ severity })} />
        {findingFilters && (
          <label className="ml-2 inline-flex cursor-pointer items-center gap-1.5 rounded-full bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 ring-1 ring-inset ring-zinc-200 hover:bg-zinc-50 has-[:checked]:bg-red-50 has-[:checked]:text-red-700 has-[:checked]:ring-red-700/30">
            <input form="finding-filters" type="checkbox" name="overdue" value="1" defaultChecked={values.overdue} onChange={() => navigate()} className="size-3.5 accent-red-700" />
            Overdue only
          </label>
        )}
        {active && (
          <button type="button" onClick={() => router.push(`${pathname}?tab=${tab}`)} className="ml-1 inline-flex items-center gap-1 rounded px-1.5 py-1 text-xs text-zinc-500 hover:text-zinc-900">
            <X className="size-3.5" aria-hidden />Clear filters
          </button>
        )}
      </div>
      <form
        id="finding-filters"
        ref={form}
        action={pathname}
        onSubmit={(e) => { e.preventDefault(); navigate(); }}
        className="flex flex-wrap items-center gap-2"
      >
        <input type="hidden" name="tab" value={tab} />
        {values.severity.length > 0 && <input type="hidden" name="severity" value={values.severity.join(",")} />}
        <div className="w-full sm:w-72">
          <label htmlFor="f-q" className="sr-only">Search</label>
          <input id="f-q" name="q" type="search" defaultValue={values.q} placeholder="Search, e.g. shop/catalog or a rule" className={inputClass} />
        </div>
        <FilterSelect id="f-cluster" name="cluster" label="Cluster" value={values.cluster} onChange={() => navigate()} options={facets.clusters.map((c) => ({ value: c.id, label: c.name }))} all="All clusters" />
        <FilterSelect id="f-namespace" name="namespace" label="Namespace" value={values.namespace} onChange={() => navigate()} options={facets.namespaces.map((n) => ({ value: n, label: n }))} all="All namespaces" />
        {findingFilters && (
          <>
            <FilterSelect id="f-rule" name="rule" label="Rule" value={values.rule} onChange={() => navigate()} options={facets.rules.map((r) => ({ value: r.id, label: r.title }))} all="All rules" />
            <FilterSelect id="f-control" name="control" label="Framework control" value={values.control} onChange={() => navigate()} options={controls} all="All framework controls">
              {facets.controls.map((g) => (
                <optgroup key={g.framework} label={g.framework}>
                  {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
                </optgroup>
              ))}
            </FilterSelect>
          </>
        )}
        {tab !== "mine" && (
          <FilterSelect id="f-assignee" name="assignee" label="Assignee" value={values.assignee} onChange={() => navigate()} options={memberOptions} all="Anyone" unknown="Former member" />
        )}
        <FilterSelect
          id="f-status"
          name="status"
          label="Status"
          value={values.status.join(",") || undefined}
          onChange={() => navigate()}
          options={STATUS_OPTIONS.slice(1)}
          all={STATUS_OPTIONS[0]!.label}
          unknown={values.status.map((s) => FINDING_STATUS_STYLE[s as TFindingStatus]?.label ?? s).join(", ")}
        />
        <noscript><button type="submit">Apply</button></noscript>
      </form>
    </div>
  );
}

/**
 * A filter select as wide as its longest option (up to 16rem), the whole selected label in a
 * tooltip and every label whole in the options. A value not among the options (a stale link) still shows, as `unknown` or itself.
 */
function FilterSelect({
  id, name, label, value, options, all, unknown, onChange, children,
}: {
  id: string; name: string; label: string; value?: string; options: Array<{ value: string; label: string }>; all: string; unknown?: string;
  onChange: () => void; children?: React.ReactNode;
}) {
  const known = value ? options.find((o) => o.value === value) : undefined;
  const selected = value ? (known?.label ?? unknown ?? value) : all;
  return (
    <div>
      <label htmlFor={id} className="sr-only">{label}</label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        onChange={onChange}
        title={`${label}: ${selected}`}
        // Native width: as wide as its longest option (no fixed grid column to cut labels), capped.
        className={cn(smallSelectClass, "w-auto max-w-[16rem] text-ellipsis", value && "bg-indigo-50/40 ring-indigo-400")}
      >
        <option value="">{all}</option>
        {children ?? options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        {value && !known && <option value={value}>{unknown ?? value}</option>}
      </select>
    </div>
  );
}
