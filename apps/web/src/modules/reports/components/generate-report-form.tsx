"use client";
// "Generate report": framework, then either the framework's compliance scope (set on the
// Compliance page; the report covers it) or, without one, the clusters to cover, and an optional
// point in time. The worker renders the files; the list below shows the report as queued and
// updates itself when it is ready.
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { FileText } from "lucide-react";
import { scopeHref } from "@/modules/compliance/compliance-links";
import { Button } from "@/modules/ui/components/button";
import { Field, Input, Select, describedBy } from "@/modules/ui/components/form";
import { useToast } from "@/modules/ui/components/toast";
import { fieldErrorsFromZod } from "@/modules/ui/zod-client";
import { ZGenerateReport } from "../reports.schemas";
import { generateReportAction } from "../server/actions";

export interface TFormScope {
  clusters: { name: string; namespaces: string[] }[];
}

export function GenerateReportForm({
  frameworks, clusters, scopes, defaultFramework,
}: {
  frameworks: { id: string; name: string }[];
  clusters: { id: string; name: string; scanned: boolean }[];
  /** The compliance scope of each framework that has one. */
  scopes: Record<string, TFormScope>;
  defaultFramework?: string;
}) {
  const router = useRouter();
  const toast = useToast();
  const [framework, setFramework] = useState(defaultFramework ?? frameworks[0]?.id ?? "");
  const [selected, setSelected] = useState<string[]>(clusters.filter((c) => c.scanned).map((c) => c.id));
  const [asOf, setAsOf] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const scope = scopes[framework];
  const name = frameworks.find((f) => f.id === framework)?.name ?? framework;

  return (
    <form
      noValidate
      aria-label="Generate report"
      className="grid gap-4 md:grid-cols-[17rem_minmax(0,1fr)_11rem_auto] md:items-start"
      onSubmit={async (e) => {
        e.preventDefault();
        const input = { framework, clusterIds: scope ? [] : selected, asOf };
        const parsed = ZGenerateReport.safeParse(input);
        if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
        if (!scope && selected.length === 0) return setErrors({ clusterIds: "Choose at least one cluster" });
        setErrors({});
        setPending(true);
        const res = await generateReportAction(input);
        setPending(false);
        if (!res.ok) {
          setErrors(res.fieldErrors ?? { _: res.error });
          toast.show({ tone: "error", title: "Report not started", body: res.error });
          return;
        }
        toast.show({ tone: "success", title: "Report queued", body: "It appears below and is ready to download in a few seconds." });
        router.refresh();
      }}
    >
      <Field id="report-framework" label="Framework" error={errors.framework}>
        <Select id="report-framework" value={framework} onChange={(e) => setFramework(e.target.value)} {...describedBy("report-framework", errors.framework)}>
          {frameworks.map((f) => <option key={f.id} value={f.id}>{f.name}{scopes[f.id] ? " (scoped)" : ""}</option>)}
        </Select>
      </Field>
      {scope ? (
        <div className="min-w-0 space-y-1.5" aria-live="polite">
          <p className="block text-sm font-medium text-zinc-800">Compliance scope</p>
          <p className="text-sm text-zinc-700">
            {scope.clusters.length === 0
              ? "No cluster is left in the scope."
              : scope.clusters.map((c, i) => (
                  <span key={c.name}>
                    {i > 0 && ", "}
                    <span className="font-medium text-zinc-900">{c.name}</span>
                    <span className="text-zinc-500"> ({c.namespaces.length ? `namespaces ${c.namespaces.join(", ")}` : "whole cluster"})</span>
                  </span>
                ))}
          </p>
          <p className="text-xs text-zinc-500">
            The report covers {name}&apos;s compliance scope and says so on its cover. The scope is set on the Compliance page:{" "}
            <Link href={scopeHref(framework)} className="font-medium text-indigo-700 hover:underline">change the scope</Link>.
          </p>
          {errors.clusterIds && <p className="text-xs text-red-700">{errors.clusterIds}</p>}
        </div>
      ) : (
        <fieldset className="min-w-0 space-y-1.5" aria-describedby={errors.clusterIds ? "report-clusters-error report-clusters-hint" : "report-clusters-hint"}>
          <legend className="mb-1.5 block text-sm font-medium text-zinc-800">Clusters</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1.5">
            {clusters.map((c) => (
              <label key={c.id} className="inline-flex items-center gap-1.5 text-sm text-zinc-800">
                <input
                  type="checkbox"
                  className="size-4 rounded border-zinc-300"
                  checked={selected.includes(c.id)}
                  onChange={(e) => setSelected((s) => (e.target.checked ? [...s, c.id] : s.filter((x) => x !== c.id)))}
                />
                {c.name}{!c.scanned && <span className="text-xs text-zinc-500">(not scanned)</span>}
              </label>
            ))}
          </div>
          <p id="report-clusters-hint" className="text-xs text-zinc-500">
            No compliance scope is set for {name}: the report covers the clusters chosen here, whole.{" "}
            <Link href={scopeHref(framework)} className="font-medium text-indigo-700 hover:underline">Set a scope</Link> on the Compliance page to cover the same systems every time.
          </p>
          {errors.clusterIds && <p id="report-clusters-error" className="text-xs text-red-700">{errors.clusterIds}</p>}
        </fieldset>
      )}
      <Field id="report-asof" label="As of (optional)" error={errors.asOf} hint="Latest scan if empty">
        <Input id="report-asof" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} {...describedBy("report-asof", errors.asOf, true)} />
      </Field>
      <div className="md:pt-6">
        <Button type="submit" variant="primary" disabled={pending}><FileText className="size-4" aria-hidden />{pending ? "Queuing…" : "Generate report"}</Button>
      </div>
      {errors._ && <p className="text-sm text-red-700 md:col-span-4" role="alert">{errors._}</p>}
    </form>
  );
}
