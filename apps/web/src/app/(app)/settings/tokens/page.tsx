import { KeyRound } from "lucide-react";
import { listApiTokens } from "@bulwark/db";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { RevokeToken } from "@/modules/tokens/components/revoke-token";
import { TokenForm } from "@/modules/tokens/components/token-form";
import { SCOPE_LABELS } from "@/modules/tokens/token-scopes";
import { Badge } from "@/modules/ui/components/badge";
import { Callout, EmptyState, PageHeader, Section, tableClass as t } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";

export const metadata = { title: "API tokens" };
export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const ctx = await requirePageContext();
  const description = (
    <>
      Tokens let scripts and CI use the <a className="underline underline-offset-2" href="/api/openapi.json">Bulwark API</a> for {ctx.org.name}: send one as{" "}
      <code className="text-xs">Authorization: Bearer bwk_…</code>.
    </>
  );
  if (!can(ctx.role, "settings:manage")) {
    return (
      <>
        <PageHeader title="API tokens" description={description} />
        <Callout tone="info" title="Admins only">Only admins and owners can create and revoke API tokens.</Callout>
      </>
    );
  }
  const tokens = await listApiTokens({ orgId: ctx.orgId });
  const now = Date.now();
  const state = (tk: (typeof tokens)[number]) => (tk.revokedAt ? "revoked" : tk.expiresAt && tk.expiresAt.getTime() <= now ? "expired" : "active");

  return (
    <>
      <PageHeader title="API tokens" description={description} />
      <div className="space-y-6">
        <Section title="Create a token" id="create" description="The token is shown once. Bulwark keeps only a hash of it.">
          <TokenForm />
        </Section>
        <Section title="Tokens" id="tokens" bodyClassName="p-0">
          {tokens.length === 0 ? (
            <EmptyState icon={<KeyRound className="size-5" aria-hidden />} title="No API tokens yet" description="Create one above for a CI job or a script." />
          ) : (
            <div className={t.wrap}>
              <table className={t.table}>
                <thead className={t.thead}>
                  <tr>
                    <th scope="col" className={t.th}>Name</th>
                    <th scope="col" className={`${t.th} hidden sm:table-cell`}>Scopes</th>
                    <th scope="col" className={`${t.th} hidden md:table-cell`}>Created</th>
                    <th scope="col" className={`${t.th} hidden sm:table-cell`}>Expires</th>
                    <th scope="col" className={t.th}>Last used</th>
                    <th scope="col" className={t.th}><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {tokens.map((tk) => {
                    const s = state(tk);
                    return (
                      <tr key={tk.id} className={t.tr}>
                        <td className={t.td}>
                          <div className="font-medium text-zinc-900">
                            {tk.name}
                            {s !== "active" && <Badge className="ml-2 bg-zinc-100 text-zinc-600">{s}</Badge>}
                          </div>
                          <div className="font-mono text-xs text-zinc-500">{tk.prefix}…</div>
                          <div className="text-xs text-zinc-500 sm:hidden">{tk.scopes.map((sc) => SCOPE_LABELS[sc].label).join(", ")}</div>
                        </td>
                        <td className={`${t.td} hidden sm:table-cell`}>
                          <div className="flex flex-wrap gap-1">{tk.scopes.map((sc) => <Badge key={sc}>{SCOPE_LABELS[sc].label}</Badge>)}</div>
                        </td>
                        <td className={`${t.td} hidden text-xs text-zinc-500 md:table-cell`}>
                          <Time date={tk.createdAt} />
                          <div className="max-w-[12rem] truncate" title={tk.createdBy.email}>by {tk.createdBy.name ?? tk.createdBy.email}</div>
                        </td>
                        <td className={`${t.td} hidden text-xs text-zinc-500 sm:table-cell`}>{tk.expiresAt ? tk.expiresAt.toISOString().slice(0, 10) : "never"}</td>
                        <td className={`${t.td} text-xs text-zinc-500`}><Time date={tk.lastUsedAt} /></td>
                        <td className={`${t.td} text-right`}>{s === "active" && <RevokeToken tokenId={tk.id} name={tk.name} />}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </Section>
      </div>
    </>
  );
}
