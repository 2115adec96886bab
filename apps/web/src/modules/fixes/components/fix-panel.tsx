// The "Apply the fix" section of a finding's or a risk's page: what a fix would change (per object),
// the bundle download, "Apply to cluster…" for members, and the fix requests already made.
import Link from "next/link";
import { getWriteCredentialView, listFixRequests, loadFixInputs } from "@bulwark/db";
import { NO_FIX_REASON } from "@bulwark/rules";
import { can } from "@/modules/auth/permissions";
import type { TOrgContext } from "@/modules/auth/server/session";
import { Section } from "@/modules/ui/components/layout";
import { Time } from "@/modules/ui/components/time";
import { planGroups } from "../server/bundle";
import { DownloadBundleButton } from "./download-bundle-button";
import { FixStatusBadge, patchYaml, plural, targetLabel } from "./fix-bits";
import { ProposeFixButton, type TFixPreview } from "./propose-fix-button";

async function preview(ctx: TOrgContext, target: { findingIds: string[] } | { riskId: string }): Promise<TFixPreview | null> {
  const groups = planGroups(await loadFixInputs({ orgId: ctx.orgId, ...target }));
  const g = groups[0];
  if (!g) return null;
  const cred = await getWriteCredentialView({ orgId: ctx.orgId, clusterId: g.clusterId });
  return {
    clusterId: g.clusterId,
    clusterName: g.clusterName,
    writeCredential: cred.set,
    targets: g.plan.map((e) => ({ label: targetLabel(e.target), yaml: patchYaml(e.patch), rules: [...new Set(e.ruleIds)], findings: e.fingerprints.length })),
    // A plan's entries and the plan itself may both name a finding left out: once each.
    skipped: [...new Map([...g.plan.flatMap((e) => e.skipped), ...g.skipped].map((s) => [s.fingerprint, { ruleId: s.ruleId, reason: s.reason }])).values()],
  };
}

export async function FixPanel({ ctx, target, subject, expected = false }: {
  ctx: TOrgContext;
  target: { findingIds: string[] } | { riskId: string };
  subject: "finding" | "risk";
  /** expected for a platform component (the baseline): its "fix" would likely break it, so none is offered to apply */
  expected?: boolean;
}) {
  const findingId = "findingIds" in target ? target.findingIds[0] : undefined;
  const [p, requests] = await Promise.all([
    preview(ctx, target).catch((err: unknown) => {
      console.error("[bulwark/web] fix preview failed", err);
      return "error" as const;
    }),
    findingId ? listFixRequests({ orgId: ctx.orgId, findingId, limit: 5 }).then((r) => r.items).catch(() => []) : Promise.resolve([]),
  ]);
  const fixable = p && p !== "error" && p.targets.length > 0 ? p : null;
  const canPropose = can(ctx.role, "fix:propose") && !expected;
  // "Its check has no automatic fix" says nothing the steps above do not: only other reasons are named.
  const reasons = p && p !== "error" ? [...new Set(p.skipped.map((s) => s.reason))].filter((r) => r !== NO_FIX_REASON) : [];

  return (
    <Section
      title="Apply the fix"
      id="apply-fix"
      description={fixable ? `Bulwark can patch ${plural(fixable.targets.length, "object")} to fix ${subject === "finding" ? "it" : plural(fixable.targets.reduce((n, t) => n + t.findings, 0), "finding")}` : `Automatic fixes for this ${subject}`}
    >
      {p === "error" ? (
        <p className="text-sm text-zinc-600">The fix could not be worked out right now; the manual steps above still apply.</p>
      ) : fixable ? (
        <div className="space-y-3">
          <ul className="space-y-1 text-sm" aria-label="Objects the fix patches">
            {fixable.targets.map((t) => (
              <li key={t.label} className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-mono text-xs text-zinc-900">{t.label}</span>
                <span className="text-xs text-zinc-500">{t.rules.join(", ")}</span>
              </li>
            ))}
          </ul>
          {fixable.skipped.length > 0 && (
            <p className="text-xs text-zinc-600">Not automatic: {fixable.skipped.map((s) => `${s.ruleId} (${s.reason})`).join("; ")}.</p>
          )}
          <div className="flex flex-wrap items-center gap-2">
            {canPropose && <ProposeFixButton target={target} preview={fixable} />}
            <DownloadBundleButton target={target} />
          </div>
          {expected && (
            <p className="text-xs text-zinc-600">Expected for a platform component: the component needs what the fix takes away, so applying it is not offered. The bundle is there if you decide otherwise.</p>
          )}
          <p className="text-xs text-zinc-500">
            {expected ? "" : canPropose ? "An admin approves before anything changes. " : "Members propose applying it; an admin approves. "}
            {fixable.writeCredential ? (
              <>{fixable.clusterName} has a write credential for approved fixes.</>
            ) : (
              <>Approving needs a write credential on <Link href={`/clusters/${fixable.clusterId}#write-credential`} className="font-medium text-indigo-700 underline-offset-4 hover:underline">{fixable.clusterName}</Link> (not set yet); proposing does not. For a GitOps repository, use the bundle.</>
            )}
          </p>
        </div>
      ) : (
        <p className="text-sm text-zinc-600">
          {reasons.length > 0 ? <>No automatic fix: {reasons.join("; ")}.</> : <>No automatic fix for this {subject}: follow the steps above.</>}
        </p>
      )}
      {requests.length > 0 && (
        <div className="mt-4 border-t border-zinc-100 pt-3">
          <h3 className="text-xs font-medium text-zinc-600">Fix requests</h3>
          <ul className="mt-1.5 space-y-1.5" aria-label="Fix requests for this finding">
            {requests.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center gap-2 text-sm">
                <FixStatusBadge status={r.status} />
                <Link href={`/fixes/${r.id}`} className="font-medium text-zinc-900 underline-offset-4 hover:underline">
                  {r.plan[0] ? targetLabel(r.plan[0].target) : "Fix"}{r.plan.length > 1 ? ` +${r.plan.length - 1}` : ""}
                </Link>
                <span className="text-xs text-zinc-500">by {r.proposedBy?.name ?? r.proposedBy?.email ?? "a former member"} <Time date={r.createdAt} /></span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}
