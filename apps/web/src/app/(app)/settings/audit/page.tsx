import Link from "next/link";
import { Download, ScrollText } from "lucide-react";
import { listAudit, listAuditActions, listMembers } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { AUDIT_FAMILIES, auditDetail, auditLabel, targetHref } from "@/modules/audit/audit-labels";
import { ZAuditQuery, auditFilterOf, type TAuditQuery } from "@/modules/audit/audit.schemas";
import { buttonClass } from "@/modules/ui/components/button";
import { Input, Select } from "@/modules/ui/components/form";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { isoMinute } from "@/modules/ui/format";

export const metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

function qs(q: Partial<TAuditQuery> & { format?: string }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : "";
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  if (!can(ctx.role, "audit:read")) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Callout tone="info" title="Admins only">Only admins and owners can read the audit log.</Callout>
      </>
    );
  }
  const raw = await searchParams;
  const one = (k: string) => (Array.isArray(raw[k]) ? raw[k][0] : raw[k]);
  const q = ZAuditQuery.parse({ action: one("action"), actor: one("actor"), target: one("target"), from: one("from"), to: one("to"), cursor: one("cursor") });
  const filters = { action: q.action, actor: q.actor, target: q.target, from: q.from, to: q.to };
  const filtered = Object.values(filters).some(Boolean);
  const [page, members, actions] = await Promise.all([
    listAudit({ orgId: ctx.orgId, limit: 50, ...auditFilterOf(filters), ...(q.cursor ? { cursor: q.cursor } : {}) }),
    listMembers({ orgId: ctx.orgId }),
    listAuditActions({ orgId: ctx.orgId }),
  ]);
  const emails = new Map(members.map((m) => [m.userId, m.user.email]));
  const families = AUDIT_FAMILIES.filter((f) => actions.some((a) => a.startsWith(f.value)));
  const fieldLabel = "mb-1 block text-xs font-medium text-zinc-600";

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Who did what in this organization, from where and when: sign-ins, members, clusters, scans, findings, exceptions, reports and alert channels. Entries are never edited or removed."
        actions={
          <>
            <a href={`/api/audit/export${qs({ ...filters, format: "csv" })}`} className={buttonClass("secondary")} download><Download className="size-4" aria-hidden />Export CSV</a>
            <a href={`/api/audit/export${qs({ ...filters, format: "jsonl" })}`} className={buttonClass("secondary")} download><Download className="size-4" aria-hidden />JSON Lines</a>
          </>
        }
      />
      <Section bodyClassName="p-0">
        <form method="get" action="/settings/audit" className="grid gap-3 border-b border-zinc-100 p-4 sm:grid-cols-2 lg:grid-cols-[1.3fr_1.3fr_1fr_1fr_auto] lg:items-end" aria-label="Filter the audit log">
          <div>
            <label htmlFor="audit-action" className={fieldLabel}>Action</label>
            <Select id="audit-action" name="action" defaultValue={q.action ?? ""} className="h-9 py-1.5">
              <option value="">All actions</option>
              {families.length > 0 && (
                <optgroup label="Groups">
                  {families.map((f) => <option key={f.value} value={f.value}>{f.label} (all)</option>)}
                </optgroup>
              )}
              <optgroup label="Actions">
                {actions.map((a) => <option key={a} value={a}>{auditLabel(a)}</option>)}
              </optgroup>
            </Select>
          </div>
          <div>
            <label htmlFor="audit-actor" className={fieldLabel}>Who</label>
            <Select id="audit-actor" name="actor" defaultValue={q.actor ?? ""} className="h-9 py-1.5">
              <option value="">Anyone</option>
              {members.map((m) => <option key={m.userId} value={m.userId}>{m.user.email}</option>)}
            </Select>
          </div>
          <div>
            <label htmlFor="audit-from" className={fieldLabel}>From</label>
            <Input id="audit-from" name="from" type="date" defaultValue={q.from ?? ""} className="h-9 py-1.5" />
          </div>
          <div>
            <label htmlFor="audit-to" className={fieldLabel}>To (inclusive)</label>
            <Input id="audit-to" name="to" type="date" defaultValue={q.to ?? ""} className="h-9 py-1.5" />
          </div>
          {q.target && <input type="hidden" name="target" value={q.target} />}
          <div className="flex gap-2">
            <button type="submit" className={buttonClass("primary")}>Filter</button>
            {filtered && <Link href="/settings/audit" className={buttonClass("ghost")}>Clear</Link>}
          </div>
        </form>
        {q.target && (
          <p className="border-b border-zinc-100 px-4 py-2 text-xs text-zinc-600">
            Showing entries about <span className="font-mono">{q.target}</span> only. <Link href={`/settings/audit${qs({ ...filters, target: undefined })}`} className="text-indigo-700 hover:underline">Show all targets</Link>
          </p>
        )}
        {page.items.length === 0 ? (
          <EmptyState
            icon={<ScrollText className="size-5" aria-hidden />}
            title={filtered ? "No entries match these filters" : "Nothing recorded yet"}
            description={filtered ? "Widen the date range or choose another action or person." : "Sign-ins and changes to clusters, members, findings and alert channels appear here."}
          />
        ) : (
          <div className={t.wrap}>
            <table className={t.table}>
              <thead className={t.thead}>
                <tr>
                  <th scope="col" className={t.th}>When</th>
                  <th scope="col" className={t.th}>Who</th>
                  <th scope="col" className={t.th}>What</th>
                  <th scope="col" className={`${t.th} hidden md:table-cell`}>Target</th>
                  <th scope="col" className={`${t.th} hidden sm:table-cell`}>IP address</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((a) => {
                  const href = targetHref(a.targetType, a.targetId);
                  const about = a.targetType === "user" && a.targetId && a.targetId !== a.actorId ? emails.get(a.targetId) : undefined;
                  const detail = [about, auditDetail(a.data)].filter(Boolean).join(" · ");
                  return (
                    <tr key={a.id} className={t.tr}>
                      <td className={`${t.td} whitespace-nowrap text-xs text-zinc-600`}>
                        <Time date={a.createdAt} />
                        <div className="text-[11px] tabular-nums text-zinc-500">{isoMinute(a.createdAt)}</div>
                      </td>
                      <td className={`${t.td} max-w-56 truncate text-sm`}>
                        {a.actor ? (
                          <Link href={`/settings/audit${qs({ ...filters, actor: a.actorId ?? undefined })}`} className="text-zinc-900 hover:underline" title={`Only entries by ${a.actor.email}`}>{a.actor.email}</Link>
                        ) : a.actorId ? <span className="text-zinc-500">former member</span> : <span className="text-zinc-500">Bulwark (system)</span>}
                      </td>
                      <td className={`${t.td} text-sm`}>
                        <div className="text-zinc-900">{auditLabel(a.action)}</div>
                        <div className="font-mono text-[11px] text-zinc-500">{a.action}</div>
                      </td>
                      <td className={`${t.td} hidden max-w-80 md:table-cell`}>
                        {a.targetType ? (
                          <div className="min-w-0">
                            <div className="truncate text-sm text-zinc-800" title={detail || undefined}>{detail || <span className="text-zinc-500">{a.targetType}</span>}</div>
                            <div className="truncate font-mono text-[11px] text-zinc-500">
                              {href ? <Link href={href} className="hover:underline">{a.targetType}/{a.targetId}</Link> : `${a.targetType}/${a.targetId ?? ""}`}
                            </div>
                          </div>
                        ) : <span className="text-sm text-zinc-500">{detail}</span>}
                      </td>
                      <td className={`${t.td} hidden font-mono text-xs text-zinc-600 sm:table-cell`}>{a.ip ?? <span className="font-sans text-zinc-500">—</span>}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {(page.nextCursor || q.cursor) && (
          <nav aria-label="Pagination" className="flex justify-end gap-2 border-t border-zinc-100 px-4 py-2.5">
            {q.cursor && <Link href={`/settings/audit${qs(filters)}`} className={buttonClass("ghost", "sm")}>Newest</Link>}
            {page.nextCursor && <Link href={`/settings/audit${qs({ ...filters, cursor: page.nextCursor })}`} className={buttonClass("secondary", "sm")}>Older entries</Link>}
          </nav>
        )}
      </Section>
    </>
  );
}
