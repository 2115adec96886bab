import Link from "next/link";
import { listAudit, listMembers } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { buttonClass } from "@/modules/ui/components/button";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";

export const metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const ACTIONS: Record<string, string> = {
  "cluster.create": "Added cluster",
  "cluster.delete": "Deleted cluster",
  "scan.request": "Requested scan",
  "schedule.update": "Changed schedule",
  "member.role": "Changed role",
  "member.remove": "Removed member",
  "invite.create": "Created invite",
  "invite.accept": "Accepted invite",
  "invite.revoke": "Revoked invite",
  "org.create": "Created organization",
  "org.policy": "Changed policy",
};

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const ctx = await requirePageContext();
  if (!can(ctx.role, "settings:manage")) {
    return (
      <>
        <PageHeader title="Audit log" />
        <Callout tone="info">Only admins and owners can read the audit log.</Callout>
      </>
    );
  }
  const { cursor } = await searchParams;
  const [page, members] = await Promise.all([
    listAudit({ orgId: ctx.orgId, limit: 50, ...(cursor && cursor.length < 65 ? { cursor } : {}) }),
    listMembers({ orgId: ctx.orgId }),
  ]);
  const emails = new Map(members.map((m) => [m.userId, m.user.email]));
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what in this organization: clusters, schedules, members and invites." />
      <Section bodyClassName="p-0">
        {page.items.length === 0 ? (
          <EmptyState title="Nothing recorded yet" description="Changes to clusters, schedules and members appear here." />
        ) : (
          <div className={t.wrap}>
            <table className={t.table}>
              <thead className={t.thead}>
                <tr>
                  <th scope="col" className={t.th}>When</th>
                  <th scope="col" className={t.th}>Who</th>
                  <th scope="col" className={t.th}>What</th>
                  <th scope="col" className={`${t.th} hidden md:table-cell`}>Target</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((a) => (
                  <tr key={a.id} className={t.tr}>
                    <td className={`${t.td} text-xs text-zinc-500`}><Time date={a.createdAt} /></td>
                    <td className={`${t.td} text-sm`}>{a.actorId ? (emails.get(a.actorId) ?? <span className="text-zinc-500">former member</span>) : <span className="text-zinc-500">system</span>}</td>
                    <td className={`${t.td} text-sm`}>{ACTIONS[a.action] ?? a.action}</td>
                    <td className={`${t.td} hidden font-mono text-xs text-zinc-500 md:table-cell`}>{a.targetType ? `${a.targetType}/${a.targetId ?? ""}` : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {page.nextCursor && (
          <nav aria-label="Pagination" className="flex justify-end gap-2 border-t border-zinc-100 px-4 py-2.5">
            {cursor && <Link href="/settings/audit" className={buttonClass("ghost", "sm")}>First page</Link>}
            <Link href={`/settings/audit?cursor=${encodeURIComponent(page.nextCursor)}`} className={buttonClass("secondary", "sm")}>Next</Link>
          </nav>
        )}
      </Section>
    </>
  );
}
