-- CreateEnum
CREATE TYPE "ReportStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed');

-- CreateTable
CREATE TABLE "Report" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "clusterIds" TEXT[],
    "asOf" TIMESTAMP(3),
    "status" "ReportStatus" NOT NULL DEFAULT 'queued',
    "error" TEXT,
    "summary" JSONB,
    "json" BYTEA,
    "csv" BYTEA,
    "pdf" BYTEA,
    "jsonSha256" TEXT,
    "csvSha256" TEXT,
    "pdfSha256" TEXT,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Report_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Report_orgId_createdAt_idx" ON "Report"("orgId", "createdAt");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
