"use client";
// The scope of one framework (admins and owners): every cluster, or chosen clusters, each whole or
// narrowed to namespaces (picked from those Bulwark has seen, or typed). Saved through the scope
// operation, which checks the clusters are the organization's and the names are namespace names.
import { useState, useTransition } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Button, buttonClass } from "@/modules/ui/components/button";
import { Input, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { cn } from "@/modules/ui/cn";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZSetScope } from "../compliance.schemas";
import { frameworkHref } from "../compliance-links";
import { setScopeAction } from "../server/actions";

export interface TScopeEditorProps {
  framework: { id: string; name: string };
  /** Every cluster of the organization with the namespaces seen on it. */
  clusters: Array<{ clusterId: string; clusterName: string; namespaces: string[] }>;
  scope: { scoped: boolean; clusters: Array<{ clusterId: string; namespaces: string[] }> };
  /** What the framework applies to, e.g. "for HIPAA: the systems that store or process ePHI". */
  appliesTo?: string;
}

type TRow = { on: boolean; some: boolean; picked: string[]; typed: string };
type TState = { chosen: boolean; rows: Record<string, TRow> };

const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const splitNames = (s: string) => s.split(/[\s,]+/).map((x) => x.trim()).filter(Boolean);

function initial(p: TScopeEditorProps): TState {
  const inScope = new Map(p.scope.scoped ? p.scope.clusters.map((c) => [c.clusterId, c.namespaces]) : []);
  const rows: Record<string, TRow> = {};
  for (const c of p.clusters) {
    const ns = inScope.get(c.clusterId) ?? [];
    const seen = new Set(c.namespaces);
    rows[c.clusterId] = { on: inScope.has(c.clusterId), some: ns.length > 0, picked: ns.filter((n) => seen.has(n)), typed: ns.filter((n) => !seen.has(n)).join(", ") };
  }
  return { chosen: p.scope.scoped, rows };
}

export function ScopeEditor(p: TScopeEditorProps) {
  const router = useRouter();
  const toast = useToast();
  const [state, setState] = useState(() => initial(p));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const row = (id: string) => state.rows[id]!;
  const update = (id: string, patch: Partial<TRow>) => setState((s) => ({ ...s, rows: { ...s.rows, [id]: { ...s.rows[id]!, ...patch } } }));
  const toggle = (id: string, ns: string) => update(id, { picked: row(id).picked.includes(ns) ? row(id).picked.filter((x) => x !== ns) : [...row(id).picked, ns] });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const local: Record<string, string> = {};
    const clusters = !state.chosen
      ? []
      : p.clusters
          .filter((c) => row(c.clusterId).on)
          .map((c) => {
            const r = row(c.clusterId);
            const namespaces = r.some ? [...new Set([...r.picked, ...splitNames(r.typed)])] : [];
            const bad = namespaces.find((n) => !NAMESPACE.test(n));
            if (r.some && namespaces.length === 0) local[c.clusterId] = "Pick at least one namespace, or cover the whole cluster";
            else if (bad) local[c.clusterId] = `"${bad}" is not a namespace name (lower-case letters, digits and hyphens)`;
            return { clusterId: c.clusterId, namespaces };
          });
    if (state.chosen && clusters.length === 0) local._ = "Choose at least one cluster, or cover every cluster";
    const parsed = ZSetScope.safeParse({ framework: p.framework.id, clusters });
    if (!parsed.success) Object.assign(local, fieldErrorsFromZod(parsed.error));
    if (Object.keys(local).length > 0) return setErrors(local);
    setErrors({});
    start(async () => {
      const res = await setScopeAction({ framework: p.framework.id, clusters });
      if (!res.ok) return setErrors({ _: res.error });
      toast.show({
        tone: "success",
        title: "Scope saved",
        body: res.data.scoped ? `${p.framework.name} covers ${res.data.clusters.length} cluster${res.data.clusters.length === 1 ? "" : "s"}.` : `${p.framework.name} covers every cluster.`,
      });
      router.push(frameworkHref(p.framework.id));
      router.refresh();
    });
  }

  const option = (checked: boolean) => cn("flex cursor-pointer gap-2 rounded-md p-2.5 ring-1 ring-inset", checked ? "bg-indigo-50/60 ring-indigo-300" : "ring-zinc-200 hover:bg-zinc-50");
  return (
    <form onSubmit={submit} noValidate className="space-y-5" aria-label={`Scope of ${p.framework.name}`}>
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800">Covers</legend>
        <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
          <label className={option(!state.chosen)}>
            <input type="radio" name="covers" checked={!state.chosen} onChange={() => setState((s) => ({ ...s, chosen: false }))} className="mt-0.5 accent-indigo-600" />
            <span>
              <span className="block text-sm font-medium text-zinc-900">Every cluster</span>
              <span className="block text-xs text-zinc-500">All {p.clusters.length} clusters of the organization, and those added later.</span>
            </span>
          </label>
          <label className={option(state.chosen)}>
            <input type="radio" name="covers" checked={state.chosen} onChange={() => setState((s) => ({ ...s, chosen: true }))} className="mt-0.5 accent-indigo-600" />
            <span>
              <span className="block text-sm font-medium text-zinc-900">Only the clusters chosen below</span>
              <span className="block text-xs text-zinc-500">The systems the framework applies to{p.appliesTo ? ` (${p.appliesTo})` : ""}.</span>
            </span>
          </label>
        </div>
      </fieldset>

      {state.chosen && (
        <fieldset>
          <legend className="text-sm font-medium text-zinc-800">Clusters</legend>
          <ul className="mt-1.5 divide-y divide-zinc-100 rounded-md ring-1 ring-inset ring-zinc-200">
            {p.clusters.map((c) => {
              const r = row(c.clusterId);
              const id = `scope-${c.clusterId}`;
              return (
                <li key={c.clusterId} className="p-3">
                  <label className="flex cursor-pointer items-center gap-2 text-sm font-medium text-zinc-900">
                    <input type="checkbox" checked={r.on} onChange={(e) => update(c.clusterId, { on: e.target.checked })} className="size-4 accent-indigo-600" />
                    {c.clusterName}
                  </label>
                  {r.on && (
                    <div className="ml-6 mt-2 space-y-2">
                      <div role="radiogroup" aria-label={`What of ${c.clusterName}`} className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-zinc-700">
                        <label className="flex items-center gap-1.5">
                          <input type="radio" name={`${id}-part`} checked={!r.some} onChange={() => update(c.clusterId, { some: false })} className="accent-indigo-600" />
                          Whole cluster
                        </label>
                        <label className="flex items-center gap-1.5">
                          <input type="radio" name={`${id}-part`} checked={r.some} onChange={() => update(c.clusterId, { some: true })} className="accent-indigo-600" />
                          Only some namespaces
                        </label>
                      </div>
                      {r.some && (
                        <div className="space-y-2">
                          {c.namespaces.length > 0 && (
                            <div role="group" aria-label={`Namespaces seen on ${c.clusterName}`} className="flex flex-wrap gap-1.5">
                              {c.namespaces.map((ns) => {
                                const on = r.picked.includes(ns);
                                return (
                                  <button
                                    key={ns}
                                    type="button"
                                    aria-pressed={on}
                                    onClick={() => toggle(c.clusterId, ns)}
                                    className={cn("rounded-full px-2.5 py-0.5 font-mono text-xs ring-1 ring-inset", on ? "bg-indigo-600 text-white ring-indigo-600" : "bg-white text-zinc-700 ring-zinc-300 hover:bg-zinc-50")}
                                  >
                                    {ns}
                                  </button>
                                );
                              })}
                            </div>
                          )}
                          <div className="space-y-1">
                            <label htmlFor={`${id}-typed`} className="block text-xs text-zinc-600">
                              {c.namespaces.length > 0 ? "Other namespaces" : "Namespaces"} <span className="text-zinc-500">(comma separated)</span>
                            </label>
                            <Input id={`${id}-typed`} value={r.typed} onChange={(e) => update(c.clusterId, { typed: e.target.value })} placeholder="payments, billing" autoComplete="off" className="max-w-md font-mono text-xs" {...describedBy(id, errors[c.clusterId])} />
                          </div>
                          <p className="text-xs text-zinc-500">Cluster-scoped objects (nodes, cluster roles and their bindings) always count.</p>
                        </div>
                      )}
                      {errors[c.clusterId] && <p id={`${id}-error`} className="text-xs text-red-700">{errors[c.clusterId]}</p>}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}

      {errors._ && <p className="text-sm text-red-700" role="alert">{errors._}</p>}
      <div className="flex justify-end gap-2">
        <Link href={frameworkHref(p.framework.id)} className={buttonClass("secondary")}>Cancel</Link>
        <Button type="submit" variant="primary" disabled={pending}>{pending ? "Saving…" : "Save scope"}</Button>
      </div>
    </form>
  );
}
