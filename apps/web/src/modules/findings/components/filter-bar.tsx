"use client";
// The queue's filters as a plain GET form (works without JavaScript); with JavaScript each change
// navigates at once. The URL is the state: a filtered view can be shared as a link.
import { usePathname, useRouter } from "next/navigation";
import { useRef } from "react";
import { X } from "lucide-react";
import { Select } from "@/modules/ui/components/form";
import { SeverityToggles } from "@/modules/ui/components/severity-toggles";
import { FINDING_STATUS_STYLE, type TFindingStatus } from "@/modules/ui/severity";

export interface TQueueFilterBarProps {
  view: "list" | "groups";
  values: { cluster?: string; namespace?: string; severity: string[]; rule?: string; control?: string; assignee?: string; status: string[]; overdue: boolean; q?: string };
  facets: {
    clusters: Array<{ id: string; name: string }>;
    namespaces: string[];
    rules: Array<{ id: string; title: string }>;
    controls: Array<{ framework: string; options: Array<{ value: string; label: string }> }>;
    members: Array<{ id: string; label: string }>;
  };
}

const STATUS_OPTIONS: Array<{ value: string; label: string }> = [
  { value: "", label: "Open work" },
  ...(["open", "reopened", "in_progress", "resolved", "excepted"] as TFindingStatus[]).map((s) => ({ value: s, label: FINDING_STATUS_STYLE[s].label })),
];

const input = "h-8 w-full rounded-md border-0 bg-white px-2.5 text-sm ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-500 focus:ring-2 focus:ring-indigo-500 focus:outline-none";

export function QueueFilterBar({ view, values, facets }: TQueueFilterBarProps) {
  const router = useRouter();
  const pathname = usePathname();
  const form = useRef<HTMLFormElement>(null);

  function navigate(overrides: Record<string, string | string[] | undefined> = {}) {
    const fd = new FormData(form.current!);
    const get = (k: string) => (fd.get(k) as string | null) || undefined;
    const merged: Record<string, string | string[] | undefined> = {
      view: view === "groups" ? "groups" : undefined,
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
    const qs = sp.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname);
  }

  const active = Boolean(values.cluster || values.namespace || values.rule || values.control || values.assignee || values.status.length || values.severity.length || values.overdue || values.q);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Severity">
        <SeverityToggles selected={values.severity} onChange={(severity) => navigate({ severity })} />
        <label className="ml-2 inline-flex cursor-pointer items-center gap-1.5 rounded-full bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 ring-1 ring-inset ring-zinc-200 hover:bg-zinc-50 has-[:checked]:bg-red-50 has-[:checked]:text-red-700 has-[:checked]:ring-red-700/30">
          <input form="queue-filters" type="checkbox" name="overdue" value="1" defaultChecked={values.overdue} onChange={() => navigate()} className="size-3.5 accent-red-700" />
          Overdue only
        </label>
        {active && (
          <button type="button" onClick={() => router.push(view === "groups" ? `${pathname}?view=groups` : pathname)} className="ml-1 inline-flex items-center gap-1 rounded px-1.5 py-1 text-xs text-zinc-500 hover:text-zinc-900">
            <X className="size-3.5" aria-hidden />Clear filters
          </button>
        )}
      </div>
      <form
        id="queue-filters"
        ref={form}
        action={pathname}
        onSubmit={(e) => { e.preventDefault(); navigate(); }}
        className="grid grid-cols-2 gap-2 md:grid-cols-4 xl:grid-cols-8"
      >
        {view === "groups" && <input type="hidden" name="view" value="groups" />}
        {values.severity.length > 0 && <input type="hidden" name="severity" value={values.severity.join(",")} />}
        <div className="col-span-2 md:col-span-1 xl:col-span-2">
          <label htmlFor="q-q" className="sr-only">Search</label>
          <input id="q-q" name="q" type="search" defaultValue={values.q} placeholder="Search object or message…" className={input} />
        </div>
        <FilterSelect id="q-cluster" name="cluster" label="Cluster" value={values.cluster} onChange={() => navigate()} options={facets.clusters.map((c) => ({ value: c.id, label: c.name }))} all="All clusters" />
        <FilterSelect id="q-namespace" name="namespace" label="Namespace" value={values.namespace} onChange={() => navigate()} options={facets.namespaces.map((n) => ({ value: n, label: n }))} all="All namespaces" />
        <FilterSelect id="q-rule" name="rule" label="Rule" value={values.rule} onChange={() => navigate()} options={facets.rules.map((r) => ({ value: r.id, label: r.title }))} all="All rules" />
        <div>
          <label htmlFor="q-control" className="sr-only">Framework control</label>
          <Select id="q-control" name="control" defaultValue={values.control ?? ""} onChange={() => navigate()} className="h-8 py-0 text-xs">
            <option value="">All framework controls</option>
            {facets.controls.map((g) => (
              <optgroup key={g.framework} label={g.framework}>
                {g.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </optgroup>
            ))}
          </Select>
        </div>
        <div>
          <label htmlFor="q-assignee" className="sr-only">Assignee</label>
          <Select id="q-assignee" name="assignee" defaultValue={values.assignee ?? ""} onChange={() => navigate()} className="h-8 py-0 text-xs">
            <option value="">Anyone</option>
            <option value="me">Assigned to me</option>
            <option value="unassigned">Unassigned</option>
            {facets.members.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            {values.assignee && !["me", "unassigned"].includes(values.assignee) && !facets.members.some((m) => m.id === values.assignee) && <option value={values.assignee}>Former member</option>}
          </Select>
        </div>
        <div>
          <label htmlFor="q-status" className="sr-only">Status</label>
          <Select id="q-status" name="status" defaultValue={values.status.join(",")} onChange={() => navigate()} className="h-8 py-0 text-xs">
            {STATUS_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            {values.status.length > 1 && <option value={values.status.join(",")}>{values.status.join(", ").replace(/_/g, " ")}</option>}
          </Select>
        </div>
        <noscript><button type="submit">Apply</button></noscript>
      </form>
    </div>
  );
}

function FilterSelect({ id, name, label, value, options, all, onChange }: { id: string; name: string; label: string; value?: string; options: Array<{ value: string; label: string }>; all: string; onChange: () => void }) {
  return (
    <div>
      <label htmlFor={id} className="sr-only">{label}</label>
      <Select id={id} name={name} defaultValue={value ?? ""} onChange={onChange} className="h-8 py-0 text-xs">
        <option value="">{all}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        {value && !options.some((o) => o.value === value) && <option value={value}>{value}</option>}
      </Select>
    </div>
  );
}
