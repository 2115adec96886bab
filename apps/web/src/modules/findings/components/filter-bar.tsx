"use client";
// Findings filters as a plain GET form (works without JavaScript); with JavaScript each change
// navigates at once. The URL is the state: shareable and back-button safe.
import { usePathname, useRouter } from "next/navigation";
import { useRef } from "react";
import { X } from "lucide-react";
import { Select } from "@/modules/ui/components/form";
import { SeverityToggles } from "@/modules/ui/components/severity-toggles";
import { FINDING_STATUS_STYLE, type TFindingStatus } from "@/modules/ui/severity";

interface Props {
  values: { cluster?: string; namespace?: string; severity: string[]; rule?: string; status: string[]; q?: string };
  facets: { clusters: Array<{ id: string; name: string }>; namespaces: string[]; rules: Array<{ id: string; title: string }> };
}

const STATUS_OPTIONS: Array<{ value: string; label: string }> = [
  { value: "", label: "Open work (open, reopened, in progress)" },
  ...(["open", "reopened", "in_progress", "resolved", "excepted"] as TFindingStatus[]).map((s) => ({ value: s, label: FINDING_STATUS_STYLE[s].label })),
];

export function FilterBar({ values, facets }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const form = useRef<HTMLFormElement>(null);

  function navigate(overrides: Record<string, string | string[] | undefined> = {}) {
    const fd = new FormData(form.current!);
    const sp = new URLSearchParams();
    const merged: Record<string, string | string[] | undefined> = {
      cluster: (fd.get("cluster") as string) || undefined,
      namespace: (fd.get("namespace") as string) || undefined,
      rule: (fd.get("rule") as string) || undefined,
      status: (fd.get("status") as string) || undefined,
      q: (fd.get("q") as string) || undefined,
      severity: values.severity,
      ...overrides,
    };
    for (const [k, v] of Object.entries(merged)) {
      if (!v || (Array.isArray(v) && !v.length)) continue;
      sp.set(k, Array.isArray(v) ? v.join(",") : v);
    }
    const qs = sp.toString();
    router.push(qs ? `${pathname}?${qs}` : pathname);
  }

  const active = Boolean(values.cluster || values.namespace || values.rule || values.status.length || values.severity.length || values.q);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Severity">
        <SeverityToggles selected={values.severity} onChange={(severity) => navigate({ severity })} />
        {active && (
          <button type="button" onClick={() => router.push(pathname)} className="ml-1 inline-flex items-center gap-1 rounded px-1.5 py-1 text-xs text-zinc-500 hover:text-zinc-900">
            <X className="size-3.5" aria-hidden />Clear filters
          </button>
        )}
      </div>
      <form
        ref={form}
        action={pathname}
        onSubmit={(e) => { e.preventDefault(); navigate(); }}
        className="grid grid-cols-2 gap-2 md:grid-cols-5"
      >
        {values.severity.length > 0 && <input type="hidden" name="severity" value={values.severity.join(",")} />}
        <div className="col-span-2 md:col-span-1">
          <label htmlFor="f-q" className="sr-only">Search</label>
          <input id="f-q" name="q" type="search" defaultValue={values.q} placeholder="Search object or message…" className="h-8 w-full rounded-md border-0 bg-white px-2.5 text-sm ring-1 ring-inset ring-zinc-300 placeholder:text-zinc-500 focus:ring-2 focus:ring-indigo-500 focus:outline-none" />
        </div>
        <FilterSelect id="f-cluster" name="cluster" label="Cluster" value={values.cluster} onChange={() => navigate()} options={facets.clusters.map((c) => ({ value: c.id, label: c.name }))} all="All clusters" />
        <FilterSelect id="f-namespace" name="namespace" label="Namespace" value={values.namespace} onChange={() => navigate()} options={facets.namespaces.map((n) => ({ value: n, label: n }))} all="All namespaces" />
        <FilterSelect id="f-rule" name="rule" label="Rule" value={values.rule} onChange={() => navigate()} options={facets.rules.map((r) => ({ value: r.id, label: r.title }))} all="All rules" />
        <div>
          <label htmlFor="f-status" className="sr-only">Status</label>
          <Select id="f-status" name="status" defaultValue={values.status.join(",")} onChange={() => navigate()} className="h-8 py-0 text-xs">
            {STATUS_OPTIONS.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            {values.status.length > 1 && <option value={values.status.join(",")}>{values.status.join(", ")}</option>}
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
