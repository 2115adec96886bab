-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "writeCredentialCipher" TEXT,
ADD COLUMN     "writeCredentialIdentity" TEXT,
ADD COLUMN     "writeCredentialKeyId" TEXT,
ADD COLUMN     "writeCredentialSetAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "FixRequest" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "findingIds" TEXT[],
    "riskId" TEXT,
    "plan" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "reason" TEXT,
    "proposedById" TEXT,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "decisionNote" TEXT,
    "result" JSONB,
    "error" TEXT,
    "appliedAt" TIMESTAMP(3),
    "verifyScanId" TEXT,
    "verification" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FixRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketIntegration" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "baseUrl" TEXT NOT NULL,
    "project" TEXT NOT NULL,
    "issueType" TEXT,
    "username" TEXT,
    "tokenCipher" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "doneTransition" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "lastSyncAt" TIMESTAMP(3),
    "lastStatus" TEXT,
    "lastError" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketIntegration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "integrationId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "findingIds" TEXT[],
    "riskId" TEXT,
    "ruleId" TEXT,
    "clusterId" TEXT,
    "title" TEXT NOT NULL,
    "externalKey" TEXT,
    "externalId" TEXT,
    "url" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "remoteStatus" TEXT,
    "closedByBulwark" BOOLEAN NOT NULL DEFAULT false,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "syncedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FixRequest_orgId_status_createdAt_idx" ON "FixRequest"("orgId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "FixRequest_clusterId_status_idx" ON "FixRequest"("clusterId", "status");

-- CreateIndex
CREATE INDEX "TicketIntegration_orgId_idx" ON "TicketIntegration"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "TicketIntegration_orgId_name_key" ON "TicketIntegration"("orgId", "name");

-- CreateIndex
CREATE INDEX "Ticket_orgId_status_idx" ON "Ticket"("orgId", "status");

-- CreateIndex
CREATE INDEX "Ticket_findingIds_idx" ON "Ticket" USING GIN ("findingIds");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_integrationId_dedupeKey_key" ON "Ticket"("integrationId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "FixRequest" ADD CONSTRAINT "FixRequest_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FixRequest" ADD CONSTRAINT "FixRequest_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FixRequest" ADD CONSTRAINT "FixRequest_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FixRequest" ADD CONSTRAINT "FixRequest_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketIntegration" ADD CONSTRAINT "TicketIntegration_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketIntegration" ADD CONSTRAINT "TicketIntegration_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_integrationId_fkey" FOREIGN KEY ("integrationId") REFERENCES "TicketIntegration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
