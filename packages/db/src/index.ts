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
export { resolveOidcSignIn, type TOidcIdentity, type TOidcResolution, type TOidcRefusal } from "./users/resolve-oidc-sign-in";
export { linkOidcIdentity } from "./users/link-oidc-identity";
export { revokeSessions, setPasswordHash } from "./users/revoke-sessions";
export { SignUpClosedError } from "./users/sign-up-closed-error";
export { countUsers } from "./users/count-users";
export { awaitsEmailVerification, createEmailToken, verifyEmailToken } from "./users/email-verification";
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
export { getFleetOverview, type TFleetOverview } from "./clusters/get-fleet-overview";
export { listLatestScanRules, type TClusterScanRules } from "./clusters/latest-scan-rules";
export { listClusterNamespaces, type TClusterNamespaces } from "./clusters/list-cluster-namespaces";
export { getCluster } from "./clusters/get-cluster";
export { getClusterCredential } from "./clusters/get-cluster-credential";
export { deleteCluster } from "./clusters/delete-cluster";
export { renameCluster } from "./clusters/rename-cluster";
export { updateSchedule, validateSchedule } from "./clusters/update-schedule";
export { listSchedules } from "./clusters/list-schedules";
export { setConnectionStatus } from "./clusters/set-connection-status";
export type { ClusterSummary, ClusterDetail, ScanSummary } from "./clusters/cluster-summary";

// scans
export { createScan, countQueuedScans, ScanInProgressError } from "./scans/create-scan";
export { createScheduledScan } from "./scans/create-scheduled-scan";
export { listScans } from "./scans/list-scans";
export { getScan } from "./scans/get-scan";
export { getScanDiff, type TScanDiff, type TDiffFinding } from "./scans/get-scan-diff";
export { claimScan, DEFAULT_STALE_MS, OrgScanCapacityError } from "./scans/claim-scan";
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
export { commentOnFinding } from "./findings/comment-on-finding";
export { bulkUpdateFindings, BULK_MAX, type TBulkTarget, type TBulkChange } from "./findings/bulk-update-findings";
export { PERSON_STATUSES, type TPersonStatus } from "./findings/finding-changes";
export { listQueue, countQueue, QUEUE_COUNT_CAP, type TQueueRow, type TListQueueOutput } from "./findings/list-queue";
export { listQueueGroups, type TQueueGroup } from "./findings/list-queue-groups";
export { listObjectGroups, type TObjectGroup, type TObjectGroupFinding } from "./findings/list-object-groups";
export {
  queueWhere,
  encodeQueueCursor,
  decodeQueueCursor,
  afterQueueCursor,
  compareQueueRows,
  QUEUE_DEFAULT_STATUSES,
  type TQueueFilter,
  type TQueueCursor,
} from "./findings/queue-filters";
export { getSlaPolicy } from "./sla/get-sla-policy";
export { updateSlaPolicy } from "./sla/update-sla-policy";
export { DEFAULT_SLA_POLICY, ZSlaPolicy, resolveSlaPolicy, dueDateFor, type TSlaPolicy } from "./sla/sla-policy";
export { getOverview } from "./findings/get-overview";
export { openFindingWhere, openRiskWhere, openWorkSql, OPEN_STATUSES } from "./findings/open-finding-where";

// risks (attack paths)
export { listRisks, risksWhere, type TListRisksInput } from "./risks/list-risks";
export { topRisks } from "./risks/top-risks";
export { getRisk, type TRiskDetail } from "./risks/get-risk";
export { assignRisk } from "./risks/assign-risk";
export { setRiskStatus } from "./risks/set-risk-status";
export { commentOnRisk } from "./risks/comment-on-risk";
export type { TRiskRow } from "./risks/risk-view";
export type { TRiskIngestStats } from "./risks/upsert-scan-risks";
export { listFindingFacets } from "./findings/list-finding-facets";
export { sanitizeManifest, objectKey } from "./objects/sanitize-manifest";

// trends & reports
export { getTrendSeries, type TTrendPoint, type TTrendSeries } from "./trends/get-trend-series";
export { getTrendTotals, type TTrendTotal } from "./trends/get-trend-totals";
export { getRemediationStats, type TRemediationStats } from "./trends/get-remediation-stats";
export { MAX_VULN_TREND_DAYS, vulnTrends, type TVulnTrendDay, type TVulnTrendSummary, type TVulnTrends } from "./trends/vulns";
export { createReport, countQueuedReports, MAX_REPORT_CLUSTERS } from "./reports/create-report";
export { listReports, type TReportRow } from "./reports/list-reports";
export { getReportFile, getReportFileSignature, type TReportFormat, type TReportFileMeta } from "./reports/get-report-file";
export { claimReport, completeReport, failReport, getPreviousReport, reportScopeKey, storeReportFile, type TReportScope } from "./reports/report-lifecycle";
export { getReportSigningKey, ensureReportSigningKey, type TStoredSigningKey } from "./reports/signing-key";
export {
  getReportInputs,
  type TReportInputs,
  type TReportCluster,
  type TReportScan,
  type TReportFinding,
  type TReportException,
  type TReportSettings,
} from "./reports/get-report-inputs";
export {
  ZReportDocument,
  ZReportSummary,
  REPORT_SCHEMA_ID,
  reportJsonSchema,
  readReportSummary,
  type TReportDocument,
  type TReportDocumentControl,
  type TReportDocumentFinding,
  type TReportDocumentVulnerability,
  type TReportControlCounts,
  type TReportSummary,
} from "./reports/report-document";
export {
  createReportSchedule,
  listReportSchedules,
  listAllReportSchedules,
  getReportSchedule,
  deleteReportSchedule,
  createScheduledReport,
  sealLegacyReportWebhooks,
  REPORT_CADENCES,
  type TReportCadence,
  type TSealedWebhook,
} from "./reports/report-schedules";

// exceptions (accepted risk) & policy
export { requestException, grantException, type TNewExceptionInput } from "./exceptions/request-exception";
export { decideException } from "./exceptions/decide-exception";
export { updateException } from "./exceptions/update-exception";
export { revokeException } from "./exceptions/revoke-exception";
export { listExceptions, countExceptionsByStatus, type TExceptionRow } from "./exceptions/list-exceptions";
export { getException, listExceptionFindings } from "./exceptions/get-exception";
export { listActiveExceptions } from "./exceptions/list-active-exceptions";
export { expireExceptions, type TExpirySweepResult } from "./exceptions/expire-exceptions";
export { MAX_EXCEPTION_DAYS, EXPIRY_WARNING_DAYS, labelSelectorOf, describeExceptionScope } from "./exceptions/exception-scope";
export {
  ZOrgPolicy,
  ZRuleParams,
  ZBaselineEntry,
  ZBaselinePolicy,
  readPolicy,
  POLICY_SEVERITIES,
  POLICY_PROFILES,
  type TOrgPolicy,
  type TRuleParams,
  type TBaselineEntry,
  type TBaselinePolicy,
  type TPolicyProfile,
} from "./policy/policy-schema";
export { getPolicy, listCustomRules } from "./policy/get-policy";
export { getEngineSettingsInput, type TEngineSettingsInput } from "./policy/get-engine-settings-input";
export { toEngineException } from "./exceptions/to-engine-exception";
export { updatePolicy } from "./policy/update-policy";
export {
  createCustomRule,
  updateCustomRule,
  setCustomRuleEnabled,
  deleteCustomRule,
  customRuleDef,
  CustomRuleCompileError,
  type TCustomRuleInput,
} from "./policy/custom-rules";

// continuous mode & change history (web reads; the worker writes the rows)
export { listClusterChanges, changesWhere, CHANGE_TYPES, type TChangeFilter, type TChangeRow } from "./changes/list-cluster-changes";
export { listChangeFacets, type TChangeFacets } from "./changes/list-change-facets";
export { describeManager, MANAGER_GROUP_LABEL, type TManagerGroup, type TManagerView } from "./changes/change-manager";
export { getLiveStamps, type TLiveStamps } from "./changes/get-live-stamps";
export { setClusterContinuous } from "./changes/set-cluster-continuous";
export { updateChangeRetention, getChangeRetention, MIN_CHANGE_RETENTION_DAYS, MAX_CHANGE_RETENTION_DAYS } from "./changes/update-change-retention";
export { getLastClusterReport } from "./changes/get-last-cluster-report";

// compliance: scope, attestations and their evidence files, a framework judged over the scope
export { getComplianceScope, setComplianceScope, MAX_SCOPE_NAMESPACES, type TComplianceScope, type TComplianceScopeCluster } from "./compliance/scope";
export {
  listActiveAttestations,
  listAttestations,
  getAttestation,
  createAttestation,
  revokeAttestation,
  getAttestationFile,
  MAX_STATEMENT_CHARS,
  MAX_OWNER_CHARS,
  MAX_LINKS,
  MAX_ATTESTATION_DAYS,
  type TAttestation,
  type TAttestationFileMeta,
  type TAttestationFileContent,
  type TCreateAttestationInput,
} from "./compliance/attestations";
export { EVIDENCE_CONTENT_TYPES, MAX_EVIDENCE_FILES, sniffEvidenceType, sanitizeFileName, type TEvidenceContentType } from "./compliance/evidence-content";
export { EvidenceStoreError } from "./compliance/s3";
export { evidenceEnv, type TEvidenceEnv } from "./env";
export { scopedRuleStatuses, countOpenFindingsByRule, frameworkPosture, attestationRef, type TFrameworkPosture, type TPostureCluster } from "./compliance/posture";
export { remindExpiringAttestations, ATTESTATION_REMINDER_DAYS, type TAttestationSweepResult } from "./compliance/attestation-reminders";

// access models: who can do what in each cluster, how, and since when (the worker saves them)
export { saveAccessModel, type TSaveAccessModelInput, type TSaveAccessModelOutput } from "./access/save-access-model";
export { whoCanQuery, type TWhoCanQueryInput, type TWhoCanCluster } from "./access/who-can";
export { getAccessSubject, type TAccessSubjectView, type TAccessSubjectCluster } from "./access/subject";
export { getAccessOverview, type TAccessOverview } from "./access/overview";
export { listAccessSubjects, type TListAccessSubjectsInput, type TAccessSubjectRow } from "./access/subjects";
export { listStaleAccess, type TStaleAccess } from "./access/stale";
export { listAccessChanges, type TListAccessChangesInput, type TAccessChangeRow } from "./access/changes";

// access reviews: privileged subjects marked keep or revoke, signed off as HIPAA and SOC 2 evidence
export {
  startAccessReview,
  listAccessReviews,
  getAccessReview,
  decideAccessReviewItem,
  signOffAccessReview,
  cancelAccessReview,
  describeSubject,
  ACCESS_REVIEW_CONTROLS,
  MAX_REVIEW_TITLE_CHARS,
  MAX_REVIEW_NOTE_CHARS,
  MAX_REVIEW_ITEMS,
  DEFAULT_REVIEW_VALID_DAYS,
  type TAccessReview,
  type TAccessReviewSummary,
  type TAccessReviewItem,
  type TAccessReviewCounts,
  type TAccessReviewStatus,
  type TAccessReviewDecision,
  type TStartAccessReviewInput,
} from "./access/reviews";
export { accessReviewCsv, accessReviewPdf, exportAccessReview, type TAccessReviewFile } from "./access/reviews-export";

// remediation: a cluster's write credential, fix requests (propose, approve, apply, verify)
export * from "./remediation";
// ticket integrations (Jira, GitHub) and tickets
export * from "./tickets";
// images and vulnerabilities: imports, the inventory and CVE history, CVE exceptions, read queries
export * from "./images";

// audit
export { writeAudit } from "./audit/write-audit";
export { recordSignInAudit } from "./audit/record-sign-in";
export { listAudit, iterateAudit, listAuditActions, type TAuditFilter, type TAuditRow } from "./audit/list-audit";

// organization API tokens
export {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  resolveApiToken,
  hashApiToken,
  looksLikeApiToken,
  API_TOKEN_SCOPES,
  API_TOKEN_PREFIX,
  MAX_API_TOKEN_DAYS,
  type TApiTokenScope,
  type TApiTokenView,
  type TResolvedApiToken,
} from "./tokens/api-tokens";

// alerts & notifications
export { CHANNEL_VIEW, severityRank, severitiesAtLeast, digestSeverities, type TChannelView, type TChannelKind } from "./alerts/channel-view";
export type { TAlertPayload, TAlertFinding, TAlertRisk } from "./alerts/alert-payload";
export { createNotificationChannel, type TCreateChannelInput } from "./alerts/create-notification-channel";
export { updateNotificationChannel, type TUpdateChannelInput } from "./alerts/update-notification-channel";
export { deleteNotificationChannel } from "./alerts/delete-notification-channel";
export { listNotificationChannels, getNotificationChannel } from "./alerts/list-notification-channels";
export { listAlertDeliveries, getAlertDeliveryStatus, type TDeliveryRow } from "./alerts/list-alert-deliveries";
export { createScanAlertDeliveries, MAX_ALERTS_PER_SCAN } from "./alerts/create-scan-alert-deliveries";
export { createDigestDelivery, listChannelsForDigest } from "./alerts/create-digest-delivery";
export { createTestDelivery } from "./alerts/create-test-delivery";
export { getDeliveryForSend, recordDeliveryAttempt, type TDeliveryForSend } from "./alerts/record-delivery-attempt";
export { createNotification, type TCreateNotificationInput } from "./notifications/create-notification";
export { listNotifications, countUnreadNotifications, type TNotificationRow } from "./notifications/list-notifications";
export { markNotificationsRead } from "./notifications/mark-notifications-read";

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
  Risk,
  RiskEvent,
  ClusterObject,
  AuditLog,
  Report,
  ReportSchedule,
  RiskException,
  CustomRule,
  Prisma,
} from "./generated/prisma/client";
export { ExceptionStatus } from "./generated/prisma/enums";

// continuous mode (system-level functions of the watching worker)
export { registerWorker, heartbeatWorker, removeWorker, getWatchLoad, fairShare, type TWatchLoad } from "./watch/worker-registry";
export { acquireWatchLeases, renewWatchLeases, releaseWatchLeases, listOwnedLeases, type TWatchLease } from "./watch/watch-leases";
export { recordLiveResults, hourOf, type TRecordLiveResultsInput, type TRecordLiveResultsOutput } from "./watch/record-live-results";
export { recordClusterChanges, MAX_CHANGE_FIELDS, type TClusterChangeInput } from "./watch/record-cluster-changes";
export { pruneClusterChanges } from "./watch/prune-cluster-changes";
export { setWatchState, touchLastEventAt, type TWatchState } from "./watch/set-watch-state";
export { getWatchedCluster, listUnresolvedFindingKeys, type TWatchedCluster } from "./watch/get-watched-cluster";
export { PDF_INK, PDF_MARGINS, PDF_MUTED, PDF_RULE, pdfBottom, pdfCell, pdfEnsure, pdfField, pdfHeading, pdfTable, pdfText, pdfWidth, type TPdfCell, type TPdfColumn, type TPdfDoc } from "./pdf/layout";
