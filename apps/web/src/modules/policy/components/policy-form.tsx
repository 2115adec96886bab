"use client";
// Severity overrides, disabled rules and rule parameters, edited together and saved as one policy
// (the next scan applies it). Everyone can read it; only admins get enabled controls.
import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { Search } from "lucide-react";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, Select, Textarea, describedBy } from "@/modules/ui/components/form";
import { Section, tableClass as t } from "@/modules/ui/components/layout";
import { SeverityBadge } from "@/modules/ui/components/badge";
import { useToast } from "@/modules/ui/components/toast";
import { cn } from "@/modules/ui/cn";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import type { TSeverity } from "@/modules/ui/severity";
import { SEVERITIES, ZPolicyUpdate } from "../policy.schemas";
import { updatePolicyAction } from "../server/actions";

export interface TRuleRow {
  id: string;
  title: string;
  category: string;
  severity: TSeverity;
  custom?: boolean;
  /** the rule reads a parameter from the settings below */
  param?: string;
  /** runs only in the strict profile (hygiene and best practice) */
  strict?: boolean;
}

export interface TPolicyView {
  severityOverrides: Record<string, TSeverity>;
  disabledRules: string[];
  allowedRegistries: string[];
  blockedRegistries: string[];
}

type TFilter = "all" | "changed" | "disabled";

export function PolicyForm({ rules, policy, canEdit }: { rules: TRuleRow[]; policy: TPolicyView; canEdit: boolean }) {
  const router = useRouter();
  const toast = useToast();
  const [pending, start] = useTransition();
  const [overrides, setOverrides] = useState<Record<string, TSeverity>>(policy.severityOverrides);
  const [disabled, setDisabled] = useState<Set<string>>(new Set(policy.disabledRules));
  const [allowed, setAllowed] = useState(policy.allowedRegistries.join("\n"));
  const [blocked, setBlocked] = useState(policy.blockedRegistries.join("\n"));
  const [q, setQ] = useState("");
  const [filter, setFilter] = useState<TFilter>("all");
  const [errors, setErrors] = useState<Record<string, string>>({});

  const changes = useMemo(() => {
    let n = 0;
    const keys = new Set([...Object.keys(overrides), ...Object.keys(policy.severityOverrides)]);
    for (const k of keys) if (overrides[k] !== policy.severityOverrides[k]) n++;
    const was = new Set(policy.disabledRules);
    for (const r of disabled) if (!was.has(r)) n++;
    for (const r of was) if (!disabled.has(r)) n++;
    if (allowed.trim() !== policy.allowedRegistries.join("\n")) n++;
    if (blocked.trim() !== policy.blockedRegistries.join("\n")) n++;
    return n;
  }, [overrides, disabled, allowed, blocked, policy]);

  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return rules.filter((r) => {
      if (filter === "changed" && !overrides[r.id] && !disabled.has(r.id)) return false;
      if (filter === "disabled" && !disabled.has(r.id)) return false;
      return !needle || r.id.includes(needle) || r.title.toLowerCase().includes(needle) || r.category.includes(needle);
    });
  }, [rules, q, filter, overrides, disabled]);

  function reset() {
    setOverrides(policy.severityOverrides);
    setDisabled(new Set(policy.disabledRules));
    setAllowed(policy.allowedRegistries.join("\n"));
    setBlocked(policy.blockedRegistries.join("\n"));
    setErrors({});
  }

  function save() {
    const input = { severityOverrides: overrides, disabledRules: [...disabled], allowedRegistries: allowed, blockedRegistries: blocked };
    const parsed = ZPolicyUpdate.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    setErrors({});
    start(async () => {
      const res = await updatePolicyAction(input);
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        toast.show({ tone: "error", title: "Policy not saved", body: res.error });
        return;
      }
      toast.show({ tone: "success", title: "Policy saved", body: "The next scan of each cluster applies it." });
      router.refresh();
    });
  }

  const overridden = Object.keys(overrides).length;
  return (
    <div className="space-y-6">
      <Section
        title="Rules"
        id="rules"
        description={`${rules.length} rules · ${overridden} severity override${overridden === 1 ? "" : "s"} · ${disabled.size} disabled. A rule's severity is a default; disabled rules are not evaluated.`}
        bodyClassName="p-0"
      >
        <div className="flex flex-col gap-2 border-b border-zinc-100 px-4 py-3 sm:flex-row sm:items-center">
          <label htmlFor="rule-search" className="sr-only">Search rules</label>
          <div className="relative sm:w-80">
            <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-zinc-400" aria-hidden />
            <Input id="rule-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search by title, id or category" className="pl-8" />
          </div>
          <div role="group" aria-label="Show" className="inline-flex gap-1 rounded-lg bg-zinc-100 p-1 text-xs">
            {(["all", "changed", "disabled"] as const).map((f) => (
              <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)} className={cn("rounded-md px-2.5 py-1", filter === f ? "bg-white font-medium text-zinc-900 shadow-xs" : "text-zinc-600 hover:text-zinc-900")}>
                {f === "all" ? "All" : f === "changed" ? "Changed" : "Disabled"}
              </button>
            ))}
          </div>
          <span className="text-xs text-zinc-500 sm:ml-auto">{shown.length} shown</span>
        </div>
        <div className={cn(t.wrap, "relative max-h-[32rem] overflow-y-auto")}>
          <table className={t.table}>
            <thead className={t.thead}>
              <tr>
                <th scope="col" className={t.th}>Rule</th>
                <th scope="col" className={`${t.th} hidden md:table-cell`}>Category</th>
                <th scope="col" className={t.th}>Default</th>
                <th scope="col" className={t.th}>Severity here</th>
                <th scope="col" className={t.th}>Evaluated</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const off = disabled.has(r.id);
                return (
                  <tr key={r.id} className={cn(t.tr, off && "bg-zinc-50/80")}>
                    <td className={`${t.td} max-w-[28rem]`}>
                      <div className={cn("font-medium", off ? "text-zinc-500 line-through decoration-zinc-300" : "text-zinc-900")}>{r.title}</div>
                      <div className="font-mono text-xs text-zinc-500">{r.id}{r.custom && <span className="ml-1.5 font-sans text-violet-700">custom</span>}{r.param && <span className="ml-1.5 font-sans text-zinc-500">· reads {r.param}</span>}{r.strict && <span className="ml-1.5 font-sans text-zinc-500">· strict profile only</span>}</div>
                    </td>
                    <td className={`${t.td} hidden text-xs text-zinc-600 md:table-cell`}>{r.category.replace(/-/g, " ")}</td>
                    <td className={t.td}><SeverityBadge severity={r.severity} /></td>
                    <td className={t.td}>
                      <label htmlFor={`sev-${r.id}`} className="sr-only">Severity of {r.title}</label>
                      <Select
                        id={`sev-${r.id}`}
                        disabled={!canEdit || off}
                        value={overrides[r.id] ?? ""}
                        onChange={(e) => {
                          const v = e.target.value as TSeverity | "";
                          setOverrides((o) => {
                            const next = { ...o };
                            if (v === "" || v === r.severity) delete next[r.id];
                            else next[r.id] = v;
                            return next;
                          });
                        }}
                        className={cn("h-7 w-36 py-0 text-xs", overrides[r.id] && "font-medium ring-indigo-400")}
                      >
                        <option value="">Default ({r.severity})</option>
                        {SEVERITIES.filter((s) => s !== r.severity).map((s) => <option key={s} value={s}>{s[0]!.toUpperCase() + s.slice(1)}</option>)}
                      </Select>
                    </td>
                    <td className={t.td}>
                      <label className="inline-flex items-center gap-2 text-xs text-zinc-700">
                        <input
                          type="checkbox"
                          className="size-4 accent-zinc-900"
                          disabled={!canEdit}
                          checked={!off}
                          onChange={(e) => setDisabled((d) => { const n = new Set(d); if (e.target.checked) n.delete(r.id); else n.add(r.id); return n; })}
                          aria-label={`Evaluate ${r.title}`}
                        />
                        {off ? "Disabled" : "On"}
                      </label>
                    </td>
                  </tr>
                );
              })}
              {shown.length === 0 && <tr><td colSpan={5} className="px-4 py-8 text-center text-sm text-zinc-500">No rule matches.</td></tr>}
            </tbody>
          </table>
        </div>
      </Section>

      <Section title="Rule parameters" id="params" description="Values the image rules read. Empty lists turn the rule off (not evaluated).">
        <div className="grid gap-4 md:grid-cols-2">
          <Field id="allowed-registries" label="Allowed image registries" hint="One per line: a host or host/path prefix (ghcr.io/acme, registry.internal:5000). Images from anywhere else are findings of image-registry-not-allowed." error={errors.allowedRegistries}>
            <Textarea id="allowed-registries" rows={5} disabled={!canEdit} value={allowed} onChange={(e) => setAllowed(e.target.value)} placeholder={"ghcr.io/acme\n123456789012.dkr.ecr.eu-west-1.amazonaws.com"} {...describedBy("allowed-registries", errors.allowedRegistries, true)} />
          </Field>
          <Field id="blocked-registries" label="Blocked image registries" hint="One per line. Images from these are findings of image-registry-blocked." error={errors.blockedRegistries}>
            <Textarea id="blocked-registries" rows={5} disabled={!canEdit} value={blocked} onChange={(e) => setBlocked(e.target.value)} placeholder="docker.io" {...describedBy("blocked-registries", errors.blockedRegistries, true)} />
          </Field>
        </div>
      </Section>

      {canEdit && changes > 0 && (
        <div className="sticky bottom-4 z-20 flex items-center justify-between gap-3 rounded-lg border border-zinc-200 bg-white/95 px-4 py-3 shadow-lg backdrop-blur" role="region" aria-label="Unsaved policy changes">
          <span className="text-sm text-zinc-700">{changes} unsaved change{changes === 1 ? "" : "s"}{errors._ ? <span className="ml-2 text-red-700">{errors._}</span> : null}</span>
          <div className="flex gap-2">
            <Button onClick={reset} disabled={pending}>Discard</Button>
            <Button variant="primary" onClick={save} disabled={pending}>{pending ? "Saving…" : "Save policy"}</Button>
          </div>
        </div>
      )}
    </div>
  );
}
