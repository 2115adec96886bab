-- AlterTable
ALTER TABLE "Finding" ADD COLUMN     "details" JSONB;

-- CreateTable
CREATE TABLE "Image" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "registry" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "tag" TEXT NOT NULL DEFAULT '',
    "digest" TEXT NOT NULL DEFAULT '',
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Image_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImageUse" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "apiVersion" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "namespace" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "container" TEXT NOT NULL,
    "containerType" TEXT NOT NULL DEFAULT 'container',
    "reference" TEXT NOT NULL,
    "pullPolicy" TEXT,
    "mutableTag" BOOLEAN NOT NULL,
    "registryAllowed" BOOLEAN,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenScanId" TEXT NOT NULL,
    "goneAt" TIMESTAMP(3),

    CONSTRAINT "ImageUse_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VulnImport" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "registry" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "tag" TEXT NOT NULL DEFAULT '',
    "digest" TEXT NOT NULL DEFAULT '',
    "scanner" TEXT,
    "scannerVersion" TEXT,
    "scannedAt" TIMESTAMP(3) NOT NULL,
    "vulnerabilities" JSONB NOT NULL,
    "counts" JSONB NOT NULL,
    "vulnCount" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "bytes" INTEGER NOT NULL,
    "createdById" TEXT,
    "tokenId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VulnImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImageCve" (
    "id" BIGSERIAL NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "imageId" TEXT NOT NULL,
    "cve" TEXT NOT NULL,
    "package" TEXT NOT NULL,
    "severity" "Severity" NOT NULL,
    "fixable" BOOLEAN NOT NULL,
    "fixedVersion" TEXT,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "ImageCve_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CveException" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "cve" TEXT NOT NULL,
    "repository" TEXT,
    "clusterId" TEXT,
    "namespace" TEXT,
    "state" TEXT NOT NULL,
    "justification" TEXT,
    "note" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,

    CONSTRAINT "CveException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Image_orgId_lastSeenAt_idx" ON "Image"("orgId", "lastSeenAt");

-- CreateIndex
CREATE INDEX "Image_orgId_digest_idx" ON "Image"("orgId", "digest");

-- CreateIndex
CREATE UNIQUE INDEX "Image_orgId_registry_repository_tag_digest_key" ON "Image"("orgId", "registry", "repository", "tag", "digest");

-- CreateIndex
CREATE INDEX "ImageUse_orgId_imageId_goneAt_idx" ON "ImageUse"("orgId", "imageId", "goneAt");

-- CreateIndex
CREATE INDEX "ImageUse_clusterId_goneAt_idx" ON "ImageUse"("clusterId", "goneAt");

-- CreateIndex
CREATE UNIQUE INDEX "ImageUse_clusterId_imageId_kind_namespace_name_container_key" ON "ImageUse"("clusterId", "imageId", "kind", "namespace", "name", "container");

-- CreateIndex
CREATE INDEX "VulnImport_orgId_digest_idx" ON "VulnImport"("orgId", "digest");

-- CreateIndex
CREATE INDEX "VulnImport_orgId_registry_repository_tag_idx" ON "VulnImport"("orgId", "registry", "repository", "tag");

-- CreateIndex
CREATE INDEX "VulnImport_orgId_createdAt_idx" ON "VulnImport"("orgId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "VulnImport_orgId_sha256_key" ON "VulnImport"("orgId", "sha256");

-- CreateIndex
CREATE INDEX "ImageCve_orgId_resolvedAt_idx" ON "ImageCve"("orgId", "resolvedAt");

-- CreateIndex
CREATE INDEX "ImageCve_clusterId_resolvedAt_idx" ON "ImageCve"("clusterId", "resolvedAt");

-- CreateIndex
CREATE INDEX "ImageCve_orgId_cve_idx" ON "ImageCve"("orgId", "cve");

-- CreateIndex
CREATE UNIQUE INDEX "ImageCve_clusterId_imageId_cve_package_key" ON "ImageCve"("clusterId", "imageId", "cve", "package");

-- CreateIndex
CREATE INDEX "CveException_orgId_cve_idx" ON "CveException"("orgId", "cve");

-- CreateIndex
CREATE INDEX "CveException_orgId_revokedAt_idx" ON "CveException"("orgId", "revokedAt");

-- AddForeignKey
ALTER TABLE "Image" ADD CONSTRAINT "Image_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageUse" ADD CONSTRAINT "ImageUse_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageUse" ADD CONSTRAINT "ImageUse_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageUse" ADD CONSTRAINT "ImageUse_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VulnImport" ADD CONSTRAINT "VulnImport_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageCve" ADD CONSTRAINT "ImageCve_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageCve" ADD CONSTRAINT "ImageCve_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImageCve" ADD CONSTRAINT "ImageCve_imageId_fkey" FOREIGN KEY ("imageId") REFERENCES "Image"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CveException" ADD CONSTRAINT "CveException_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;
