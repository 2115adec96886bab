-- CreateEnum
CREATE TYPE "ChangeType" AS ENUM ('added', 'modified', 'deleted');

-- AlterEnum
ALTER TYPE "ScanTrigger" ADD VALUE 'live';

-- AlterTable
ALTER TABLE "Cluster" ADD COLUMN     "continuous" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "lastEventAt" TIMESTAMP(3),
ADD COLUMN     "liveUpdatedAt" TIMESTAMP(3),
ADD COLUMN     "watchError" TEXT,
ADD COLUMN     "watchState" TEXT NOT NULL DEFAULT 'off';

-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "changeRetentionDays" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "WatchLease" (
    "clusterId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "workerId" TEXT NOT NULL,
    "acquiredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "renewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WatchLease_pkey" PRIMARY KEY ("clusterId")
);

-- CreateTable
CREATE TABLE "WorkerInstance" (
    "id" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "capacity" INTEGER NOT NULL DEFAULT 500,

    CONSTRAINT "WorkerInstance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClusterChange" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "type" "ChangeType" NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT,
    "name" TEXT NOT NULL,
    "uid" TEXT,
    "manager" TEXT,
    "fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "resourceVersion" TEXT,
    "scanId" TEXT,

    CONSTRAINT "ClusterChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WatchLease_workerId_idx" ON "WatchLease"("workerId");

-- CreateIndex
CREATE INDEX "WatchLease_expiresAt_idx" ON "WatchLease"("expiresAt");

-- CreateIndex
CREATE INDEX "WorkerInstance_heartbeatAt_idx" ON "WorkerInstance"("heartbeatAt");

-- CreateIndex
CREATE INDEX "ClusterChange_orgId_clusterId_at_idx" ON "ClusterChange"("orgId", "clusterId", "at" DESC);

-- CreateIndex
CREATE INDEX "ClusterChange_clusterId_kind_namespace_name_idx" ON "ClusterChange"("clusterId", "kind", "namespace", "name");

-- CreateIndex
CREATE INDEX "ClusterChange_at_idx" ON "ClusterChange"("at");

-- AddForeignKey
ALTER TABLE "WatchLease" ADD CONSTRAINT "WatchLease_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterChange" ADD CONSTRAINT "ClusterChange_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClusterChange" ADD CONSTRAINT "ClusterChange_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;
