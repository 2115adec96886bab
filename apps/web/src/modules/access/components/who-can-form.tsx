// The "who can" question as a plain GET form (works before any script loads; the answer's URL is
// shareable): verb and resource with suggestions but free text, namespace, cluster or all.
import { buttonClass } from "@/modules/ui/components/button";
import { Input, Select } from "@/modules/ui/components/form";
import { cn } from "@/modules/ui/cn";
import { COMMON_RESOURCES, COMMON_VERBS, type TWhoCanInput } from "../access.schemas";

const label = "block text-xs font-medium text-zinc-600";

export type TWhoCanFormValues = Partial<Pick<TWhoCanInput, "verb" | "resource" | "namespace" | "cluster" | "name" | "includeNamed" | "hideBuiltIn">>;

export function WhoCanForm({
  values, clusters, namespaces = [], errors = {}, compact = false,
}: { values: TWhoCanFormValues; clusters: Array<{ id: string; name: string }>; namespaces?: string[]; errors?: Record<string, string>; compact?: boolean }) {
  const err = (k: string) => (errors[k] ? <p id={`wc-${k}-error`} className="text-xs text-red-700">{errors[k]}</p> : null);
  const aria = (k: string) => (errors[k] ? { "aria-invalid": true, "aria-describedby": `wc-${k}-error` } : {});
  return (
    <form method="get" action="/access/who-can" aria-label="Who can" className={cn("grid grid-cols-2 items-start gap-3", compact ? "sm:grid-cols-5" : "sm:grid-cols-6")}>
      <div className="space-y-1">
        <label htmlFor="wc-verb" className={label}>Verb</label>
        <Input id="wc-verb" name="verb" list="wc-verbs" required defaultValue={values.verb ?? "get"} autoComplete="off" spellCheck={false} {...aria("verb")} />
        <datalist id="wc-verbs">{COMMON_VERBS.map((v) => <option key={v} value={v} />)}</datalist>
        {err("verb")}
      </div>
      <div className="space-y-1">
        <label htmlFor="wc-resource" className={label}>Resource</label>
        <Input id="wc-resource" name="resource" list="wc-resources" required defaultValue={values.resource ?? ""} placeholder="secrets" autoComplete="off" spellCheck={false} {...aria("resource")} />
        <datalist id="wc-resources">{COMMON_RESOURCES.map((v) => <option key={v} value={v} />)}</datalist>
        {err("resource")}
      </div>
      <div className="space-y-1">
        <label htmlFor="wc-namespace" className={label}>Namespace</label>
        <Input id="wc-namespace" name="namespace" list="wc-namespaces" defaultValue={values.namespace ?? ""} placeholder="all (cluster-wide)" autoComplete="off" spellCheck={false} {...aria("namespace")} />
        <datalist id="wc-namespaces">{namespaces.map((v) => <option key={v} value={v} />)}</datalist>
        {err("namespace")}
      </div>
      <div className="space-y-1">
        <label htmlFor="wc-cluster" className={label}>Cluster</label>
        <Select id="wc-cluster" name="cluster" defaultValue={values.cluster ?? ""}>
          <option value="">All clusters</option>
          {clusters.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </Select>
      </div>
      {!compact && (
        <div className="space-y-1">
          <label htmlFor="wc-name" className={label}>Object name <span className="font-normal text-zinc-500">(optional)</span></label>
          <Input id="wc-name" name="name" defaultValue={values.name ?? ""} placeholder="any" autoComplete="off" spellCheck={false} {...aria("name")} />
          {err("name")}
        </div>
      )}
      <div className={cn("flex items-end", compact ? "col-span-2 sm:col-span-1 sm:pt-5" : "col-span-2 sm:col-span-1 sm:pt-5")}>
        <button type="submit" className={buttonClass("primary", "md", "w-full")}>Ask</button>
      </div>
      {!compact && (
        <div className="col-span-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-zinc-700 sm:col-span-6">
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="hideBuiltIn" value="1" defaultChecked={values.hideBuiltIn} className="size-4 rounded border-zinc-300" />
            Hide built-in bindings
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="checkbox" name="includeNamed" value="1" defaultChecked={values.includeNamed} className="size-4 rounded border-zinc-300" />
            Include grants limited to named objects
          </label>
        </div>
      )}
    </form>
  );
}
