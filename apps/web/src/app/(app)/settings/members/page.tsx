import { listInvites, listMembers } from "@bulwark/db";
import { can, type TRole } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { InviteForm } from "@/modules/members/components/invite-form";
import { RemoveMember, RevokeInvite, RoleSelect } from "@/modules/members/components/member-row-actions";
import { Badge } from "@/modules/ui/components/badge";
import { PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";

export const metadata = { title: "Members" };
export const dynamic = "force-dynamic";

export default async function MembersPage() {
  const ctx = await requirePageContext();
  const manage = can(ctx.role, "member:manage");
  const [members, invites] = await Promise.all([listMembers({ orgId: ctx.orgId }), manage ? listInvites({ orgId: ctx.orgId }) : Promise.resolve([])]);
  const pending = invites.filter((i) => !i.acceptedAt && !i.revokedAt && new Date(i.expiresAt).getTime() > Date.now());
  const isOwner = ctx.role === "owner";

  return (
    <>
      <PageHeader title="Members" description={`People with access to ${ctx.org.name}. Viewers read; members triage findings and run scans; admins manage clusters, schedules and members.`} />
      <div className="space-y-6">
        {manage && (
          <Section title="Invite people" id="invite" description="Create a link and send it to a colleague; opening it lets them sign up or sign in and join.">
            <InviteForm allowOwner={isOwner} />
          </Section>
        )}
        <Section title={`${members.length} member${members.length === 1 ? "" : "s"}`} id="members" bodyClassName="p-0">
          <div className={t.wrap}>
            <table className={t.table}>
              <thead className={t.thead}>
                <tr>
                  <th scope="col" className={t.th}>Name</th>
                  <th scope="col" className={t.th}>Role</th>
                  <th scope="col" className={`${t.th} hidden sm:table-cell`}>Joined</th>
                  {manage && <th scope="col" className={t.th}><span className="sr-only">Actions</span></th>}
                </tr>
              </thead>
              <tbody>
                {members.map((m) => {
                  const self = m.userId === ctx.userId;
                  const label = m.user.name ?? m.user.email;
                  const lockedOwner = m.role === "owner" && !isOwner;
                  return (
                    <tr key={m.userId} className={t.tr}>
                      <td className={t.td}>
                        <div className="font-medium text-zinc-900">{label}{self && <span className="ml-1.5 text-xs font-normal text-zinc-500">(you)</span>}</div>
                        <div className="max-w-[9rem] truncate text-xs text-zinc-500 sm:max-w-none" title={m.user.email}>{m.user.email}</div>
                      </td>
                      <td className={t.td}>
                        {manage && !self && !lockedOwner ? (
                          <RoleSelect userId={m.userId} role={m.role as TRole} label={label} disabled={false} allowOwner={isOwner} />
                        ) : (
                          <Badge>{m.role}</Badge>
                        )}
                      </td>
                      <td className={`${t.td} hidden text-xs text-zinc-500 sm:table-cell`}><Time date={m.createdAt} /></td>
                      {manage && <td className={`${t.td} text-right`}>{!self && !lockedOwner && <RemoveMember userId={m.userId} label={label} />}</td>}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Section>
        {manage && (
          <Section title="Pending invites" id="invites" description="Links that have not been used yet" bodyClassName="p-0">
            {pending.length === 0 ? (
              <p className="px-4 py-6 text-sm text-zinc-500">No pending invites.</p>
            ) : (
              <div className={t.wrap}>
                <table className={t.table}>
                  <thead className={t.thead}>
                    <tr>
                      <th scope="col" className={t.th}>For</th>
                      <th scope="col" className={t.th}>Role</th>
                      <th scope="col" className={`${t.th} hidden sm:table-cell`}>Expires</th>
                      <th scope="col" className={t.th}><span className="sr-only">Actions</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {pending.map((i) => (
                      <tr key={i.id} className={t.tr}>
                        <td className={`${t.td} text-sm`}>{i.email ?? <span className="text-zinc-500">Anyone with the link</span>}</td>
                        <td className={t.td}><Badge>{i.role}</Badge></td>
                        <td className={`${t.td} hidden text-xs text-zinc-500 sm:table-cell`}>{new Date(i.expiresAt).toISOString().slice(0, 10)}</td>
                        <td className={`${t.td} text-right`}><RevokeInvite inviteId={i.id} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Section>
        )}
      </div>
    </>
  );
}
