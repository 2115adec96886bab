-- AlterTable
ALTER TABLE "AlertDelivery" ADD COLUMN     "riskId" TEXT;

-- AlterTable
ALTER TABLE "Cluster" ALTER COLUMN "score" SET DATA TYPE DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "baselineId" TEXT,
ADD COLUMN     "baselineReason" TEXT,
ADD COLUMN     "checks" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "Scan" ADD COLUMN     "expectedCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "profile" TEXT,
ADD COLUMN     "riskCritical" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "riskHigh" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "riskLow" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "riskMedium" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scoreItems" JSONB,
ALTER COLUMN "score" SET DATA TYPE DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "Risk" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "riskKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "objects" JSONB NOT NULL,
    "steps" JSONB NOT NULL,
    "factors" JSONB NOT NULL,
    "remediation" TEXT NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT,
    "name" TEXT NOT NULL,
    "status" "FindingStatus" NOT NULL DEFAULT 'open',
    "baselineId" TEXT,
    "baselineReason" TEXT,
    "exceptionId" TEXT,
    "assigneeId" TEXT,
    "dueAt" TIMESTAMP(3),
    "firstSeenScanId" TEXT NOT NULL,
    "lastSeenScanId" TEXT NOT NULL,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Risk_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RiskEvent" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "riskId" TEXT NOT NULL,
    "actorId" TEXT,
    "type" TEXT NOT NULL,
    "data" JSONB,
    "scanId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RiskEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Risk_orgId_status_severity_score_idx" ON "Risk"("orgId", "status", "severity", "score" DESC);

-- CreateIndex
CREATE INDEX "Risk_clusterId_status_severity_score_idx" ON "Risk"("clusterId", "status", "severity", "score" DESC);

-- CreateIndex
CREATE INDEX "Risk_orgId_assigneeId_status_idx" ON "Risk"("orgId", "assigneeId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Risk_clusterId_riskKey_key" ON "Risk"("clusterId", "riskKey");

-- CreateIndex
CREATE INDEX "RiskEvent_riskId_createdAt_idx" ON "RiskEvent"("riskId", "createdAt");

-- CreateIndex
CREATE INDEX "RiskEvent_orgId_idx" ON "RiskEvent"("orgId");

-- CreateIndex
CREATE INDEX "RiskEvent_scanId_idx" ON "RiskEvent"("scanId");

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_firstSeenScanId_fkey" FOREIGN KEY ("firstSeenScanId") REFERENCES "Scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_lastSeenScanId_fkey" FOREIGN KEY ("lastSeenScanId") REFERENCES "Scan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Risk" ADD CONSTRAINT "Risk_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskEvent" ADD CONSTRAINT "RiskEvent_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskEvent" ADD CONSTRAINT "RiskEvent_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RiskEvent" ADD CONSTRAINT "RiskEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AlertDelivery" ADD CONSTRAINT "AlertDelivery_riskId_fkey" FOREIGN KEY ("riskId") REFERENCES "Risk"("id") ON DELETE SET NULL ON UPDATE CASCADE;
