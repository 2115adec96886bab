-- CreateIndex
CREATE INDEX "Finding_orgId_severity_lastSeenAt_id_idx" ON "Finding"("orgId", "severity", "lastSeenAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Finding_orgId_severity_dueAt_firstSeenAt_id_idx" ON "Finding"("orgId", "severity", "dueAt", "firstSeenAt", "id");

-- CreateIndex
CREATE INDEX "Finding_orgId_status_ruleId_idx" ON "Finding"("orgId", "status", "ruleId");

-- CreateIndex
CREATE INDEX "Finding_orgId_namespace_idx" ON "Finding"("orgId", "namespace");
