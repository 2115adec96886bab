// @bulwark/db: the Prisma client and every data-access function. Tenant-owned functions take orgId.
export { db, getDb, disconnectDb, type Db, type Tx } from "./client";
export { NotFoundError, DomainError } from "./errors";

// users & orgs
export { createUserWithOrganization } from "./users/create-user-with-organization";
export { createUser } from "./users/create-user";
export { getUserByEmail } from "./users/get-user-by-email";
export { getUserById } from "./users/get-user-by-id";
export { getUserByOidcSubject } from "./users/get-user-by-oidc-subject";
export { recordLogin } from "./users/record-login";
export { normalizeEmail } from "./users/normalize-email";
export { listMembershipsForUser } from "./orgs/list-memberships-for-user";
export { getMembership } from "./orgs/get-membership";
export { listMembers } from "./orgs/list-members";
export { changeMemberRole } from "./orgs/change-member-role";
export { removeMember } from "./orgs/remove-member";
export { getOrganization } from "./orgs/get-organization";
export { updateOrganizationPolicy } from "./orgs/update-organization-policy";
export { createInvite } from "./invites/create-invite";
export { getInviteByToken } from "./invites/get-invite-by-token";
export { acceptInvite } from "./invites/accept-invite";
export { listInvites } from "./invites/list-invites";
export { revokeInvite } from "./invites/revoke-invite";

// clusters
export { createCluster } from "./clusters/create-cluster";
export { listClusters } from "./clusters/list-clusters";
export { listLatestScanRules, type TClusterScanRules } from "./clusters/latest-scan-rules";
export { getCluster } from "./clusters/get-cluster";
export { getClusterCredential } from "./clusters/get-cluster-credential";
export { deleteCluster } from "./clusters/delete-cluster";
export { updateSchedule, validateSchedule } from "./clusters/update-schedule";
export { listSchedules } from "./clusters/list-schedules";
export { setConnectionStatus } from "./clusters/set-connection-status";
export type { ClusterSummary, ClusterDetail, ScanSummary } from "./clusters/cluster-summary";

// scans
export { createScan } from "./scans/create-scan";
export { createScheduledScan } from "./scans/create-scheduled-scan";
export { listScans } from "./scans/list-scans";
export { getScan } from "./scans/get-scan";
export { claimScan, DEFAULT_STALE_MS } from "./scans/claim-scan";
export { updateScanProgress } from "./scans/update-scan-progress";
export { heartbeat } from "./scans/heartbeat";
export { failScan } from "./scans/fail-scan";
export { releaseScan } from "./scans/release-scan";
export { recoverStuckScans, MAX_SCAN_ATTEMPTS } from "./scans/recover-stuck-scans";
export {
  recordScanResults,
  type TRecordScanResultsInput,
  type TRecordScanResultsOutput,
  type TIngestStats,
} from "./scans/record-scan-results";

// findings
export { listFindings, DEFAULT_FINDING_STATUSES, type FindingRow, type TListFindingsInput } from "./findings/list-findings";
export { getFinding } from "./findings/get-finding";
export { listFindingEvents } from "./findings/list-finding-events";
export { updateFindingStatus } from "./findings/update-finding-status";
export { assignFinding } from "./findings/assign-finding";
export { getOverview } from "./findings/get-overview";
export { listFindingFacets } from "./findings/list-finding-facets";
export { sanitizeManifest, objectKey } from "./objects/sanitize-manifest";

// trends & reports
export { getTrendSeries, type TTrendPoint, type TTrendSeries } from "./trends/get-trend-series";
export { getRemediationStats, type TRemediationStats } from "./trends/get-remediation-stats";
export { createReport } from "./reports/create-report";
export { listReports, type TReportRow } from "./reports/list-reports";
export { getReportFile, type TReportFormat } from "./reports/get-report-file";
export { claimReport, completeReport, failReport, getPreviousReportSummary } from "./reports/report-lifecycle";
export { getReportInputs, type TReportInputs, type TReportFinding } from "./reports/get-report-inputs";
export {
  ZReportDocument,
  REPORT_SCHEMA_ID,
  reportJsonSchema,
  type TReportDocument,
  type TReportDocumentControl,
  type TReportDocumentFinding,
} from "./reports/report-document";
export {
  createReportSchedule,
  listReportSchedules,
  listAllReportSchedules,
  getReportSchedule,
  deleteReportSchedule,
  createScheduledReport,
  REPORT_CADENCES,
  type TReportCadence,
} from "./reports/report-schedules";

// audit
export { writeAudit } from "./audit/write-audit";
export { listAudit } from "./audit/list-audit";

// enums (values) and model types from the generated client
export { Role, ScanStatus, ScanTrigger, FindingStatus, Severity, ConnectionStatus, ReportStatus } from "./generated/prisma/enums";
export type {
  User,
  Organization,
  Membership,
  Invite,
  Cluster,
  ScanSchedule,
  Scan,
  Finding,
  FindingEvent,
  ClusterObject,
  AuditLog,
  Report,
  ReportSchedule,
  Prisma,
} from "./generated/prisma/client";
