import { FileText } from "lucide-react";
import { getComplianceScope, listClusters, listReportSchedules, listReports } from "@bulwark/db";
import { frameworks } from "@bulwark/rules";
import { can } from "@/modules/auth/permissions";
import { requirePageContext } from "@/modules/auth/server/session";
import { GenerateReportForm } from "@/modules/reports/components/generate-report-form";
import { RefreshWhilePending } from "@/modules/reports/components/refresh-while-pending";
import { ReportSchedules } from "@/modules/reports/components/report-schedules";
import { ReportsTable } from "@/modules/reports/components/reports-table";
import { EmptyState, PageHeader, Section } from "@/modules/ui/components/layout";

export const metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ framework?: string }> }) {
  const ctx = await requirePageContext();
  const sp = await searchParams;
  const canSchedule = can(ctx.role, "settings:manage");
  const [clusters, reports, schedules, scopes] = await Promise.all([
    listClusters({ orgId: ctx.orgId }),
    listReports({ orgId: ctx.orgId, limit: 50 }),
    canSchedule ? listReportSchedules({ orgId: ctx.orgId }) : Promise.resolve([]),
    Promise.all(frameworks.map((f) => getComplianceScope({ orgId: ctx.orgId, framework: f.id }))),
  ]);
  // The frameworks with a compliance scope: their reports cover it (the form shows it).
  const scoped = Object.fromEntries(scopes.filter((s) => s.scoped).map((s) => [s.framework, { clusters: s.clusters.map((c) => ({ name: c.clusterName, namespaces: c.namespaces })) }]));
  const names = new Map(clusters.map((c) => [c.id, c.name]));
  const fwNames = new Map(frameworks.map((f) => [f.id, f.name]));
  const pending = reports.items.some((r) => r.status === "queued" || r.status === "running");
  const canGenerate = can(ctx.role, "scan:run");
  return (
    <>
      <PageHeader
        title="Reports"
        description="Framework reports for auditors: each control's status over the framework's compliance scope, its rationale, every object behind it, attestations and exceptions, as PDF, CSV and JSON. Generated in the background from stored scans; each file carries a SHA-256 checksum and an Ed25519 signature (the public key is under Settings)."
      />
      <RefreshWhilePending pending={pending} />
      <div className="space-y-6">
        {canGenerate && clusters.length > 0 && (
          <Section title="Generate a report" id="generate" description="Covers one framework over its compliance scope (or, without one, the chosen clusters), from each cluster's latest successful scan (or the latest on a chosen day).">
            <GenerateReportForm
              frameworks={frameworks.map((f) => ({ id: f.id, name: f.name }))}
              clusters={clusters.map((c) => ({ id: c.id, name: c.name, scanned: Boolean(c.lastResult) }))}
              scopes={scoped}
              {...(sp.framework && fwNames.has(sp.framework) ? { defaultFramework: sp.framework } : {})}
            />
          </Section>
        )}
        {canSchedule && clusters.length > 0 && (
          <Section title="Scheduled reports" id="schedules" description="Generated automatically on a cadence for every cluster, and listed below like any other report." bodyClassName="p-0">
            <ReportSchedules
              frameworks={frameworks.map((f) => ({ id: f.id, name: f.name }))}
              schedules={schedules.map((s) => ({
                id: s.id,
                framework: s.framework,
                cadence: s.cadence,
                clusters: s.clusterIds.length ? s.clusterIds.map((id) => names.get(id) ?? "deleted cluster").join(", ") : "All clusters",
                webhookHost: s.webhookHost,
                lastRunAt: s.lastRunAt?.toISOString() ?? null,
              }))}
            />
          </Section>
        )}
        <Section title="Generated reports" id="reports" bodyClassName="p-0">
          {reports.items.length === 0 ? (
            <EmptyState
              icon={<FileText className="size-5" aria-hidden />}
              title="No reports yet"
              description={clusters.length === 0 ? "Add a cluster and let its first scan finish; then generate a report here." : canGenerate ? "Choose a framework and clusters above and generate the first one." : "Ask a member or admin to generate one."}
            />
          ) : (
            <ReportsTable
              rows={reports.items}
              frameworkName={(id) => fwNames.get(id) ?? id}
              clusterName={(id) => names.get(id) ?? "deleted cluster"}
            />
          )}
        </Section>
      </div>
    </>
  );
}
