// The change history's filters as a plain GET form: they live in the URL (shareable, back-button
// safe) and work before any script has loaded.
import Link from "next/link";
import { MANAGER_GROUP_LABEL, type TChangeFacets, type TManagerGroup } from "@bulwark/db";
import { buttonClass } from "@/modules/ui/components/button";
import { Input, Select } from "@/modules/ui/components/form";
import { CHANGE_RANGES, CHANGE_TYPES, RANGE_LABEL, type TChangeFilters } from "../changes.schemas";

const label = "block text-xs font-medium text-zinc-600";
/** Each field keeps a readable width; the row wraps instead of squeezing them. */
const cell = "space-y-1 sm:w-44";

export function ChangeFilters({ clusterId, values, facets, lastReportAt }: { clusterId: string; values: TChangeFilters; facets: TChangeFacets; lastReportAt: Date | null }) {
  const groups = new Map<TManagerGroup, TChangeFacets["managers"]>();
  for (const m of facets.managers) groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
  const filtered = Boolean(values.namespace || values.kind || values.manager || values.type || values.q || values.range || values.since || values.until);
  return (
    <form method="get" action={`/clusters/${clusterId}/changes`} aria-label="Filter changes" className="grid grid-cols-2 items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 shadow-xs sm:flex sm:flex-wrap">
      <div className={cell}>
        <label htmlFor="f-type" className={label}>Change</label>
        <Select id="f-type" name="type" defaultValue={values.type ?? ""}>
          <option value="">Any</option>
          {CHANGE_TYPES.map((t) => <option key={t} value={t}>{t[0]!.toUpperCase() + t.slice(1)}</option>)}
        </Select>
      </div>
      <div className={cell}>
        <label htmlFor="f-kind" className={label}>Kind</label>
        <Select id="f-kind" name="kind" defaultValue={values.kind ?? ""}>
          <option value="">Any kind</option>
          {facets.kinds.map((k) => <option key={k} value={k}>{k}</option>)}
        </Select>
      </div>
      <div className={cell}>
        <label htmlFor="f-namespace" className={label}>Namespace</label>
        <Select id="f-namespace" name="namespace" defaultValue={values.namespace ?? ""}>
          <option value="">Any namespace</option>
          {facets.namespaces.map((n) => <option key={n} value={n}>{n}</option>)}
        </Select>
      </div>
      <div className={cell}>
        <label htmlFor="f-manager" className={label}>Made by</label>
        <Select id="f-manager" name="manager" defaultValue={values.manager ?? ""}>
          <option value="">Anyone</option>
          {[...groups].map(([g, ms]) => (
            <optgroup key={g} label={MANAGER_GROUP_LABEL[g]}>
              {ms.map((m) => <option key={m.manager} value={m.manager}>{m.label}</option>)}
            </optgroup>
          ))}
        </Select>
      </div>
      <div className={cell}>
        <label htmlFor="f-range" className={label}>When</label>
        <Select id="f-range" name="range" defaultValue={values.range ?? ""}>
          <option value="">Any time</option>
          {CHANGE_RANGES.filter((r) => r !== "report" || lastReportAt).map((r) => <option key={r} value={r}>{RANGE_LABEL[r]}</option>)}
        </Select>
      </div>
      <div className="col-span-2 space-y-1 sm:w-auto sm:min-w-[12rem] sm:flex-1">
        <label htmlFor="f-q" className={label}>Object name</label>
        <Input id="f-q" name="q" type="search" defaultValue={values.q ?? ""} placeholder="e.g. checkout" maxLength={253} />
      </div>
      {/* Explicit times come from links (e.g. "changes since the last report"); keep them. */}
      {values.since && <input type="hidden" name="since" value={values.since.toISOString()} />}
      {values.until && <input type="hidden" name="until" value={values.until.toISOString()} />}
      <div className="col-span-2 flex items-center gap-2">
        <button type="submit" className={buttonClass("primary", "md")}>Apply</button>
        {filtered && <Link href={`/clusters/${clusterId}/changes`} className={buttonClass("ghost", "md")}>Clear</Link>}
      </div>
    </form>
  );
}
