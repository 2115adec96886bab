-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "reportSigningKeyCipher" TEXT,
ADD COLUMN     "reportSigningKeyId" TEXT,
ADD COLUMN     "reportSigningPublicKey" TEXT;

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "csvSignature" TEXT,
ADD COLUMN     "jsonSignature" TEXT,
ADD COLUMN     "pdfSignature" TEXT,
ADD COLUMN     "previousReportId" TEXT,
ADD COLUMN     "scope" JSONB,
ADD COLUMN     "signingKeyId" TEXT;

-- CreateTable
CREATE TABLE "ComplianceScope" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "namespaces" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ComplianceScope_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Attestation" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "framework" TEXT NOT NULL,
    "controlId" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "links" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "owner" TEXT NOT NULL,
    "reviewedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "attestedById" TEXT,
    "attestedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "reminderSentAt" TIMESTAMP(3),

    CONSTRAINT "Attestation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttestationFile" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "attestationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage" TEXT NOT NULL DEFAULT 'postgres',
    "data" BYTEA,
    "objectKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttestationFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ComplianceScope_orgId_framework_idx" ON "ComplianceScope"("orgId", "framework");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceScope_orgId_framework_clusterId_key" ON "ComplianceScope"("orgId", "framework", "clusterId");

-- CreateIndex
CREATE INDEX "Attestation_orgId_framework_controlId_createdAt_idx" ON "Attestation"("orgId", "framework", "controlId", "createdAt");

-- CreateIndex
CREATE INDEX "Attestation_expiresAt_idx" ON "Attestation"("expiresAt");

-- CreateIndex
CREATE INDEX "AttestationFile_attestationId_idx" ON "AttestationFile"("attestationId");

-- CreateIndex
CREATE INDEX "AttestationFile_orgId_idx" ON "AttestationFile"("orgId");

-- AddForeignKey
ALTER TABLE "ComplianceScope" ADD CONSTRAINT "ComplianceScope_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ComplianceScope" ADD CONSTRAINT "ComplianceScope_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attestation" ADD CONSTRAINT "Attestation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationFile" ADD CONSTRAINT "AttestationFile_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationFile" ADD CONSTRAINT "AttestationFile_attestationId_fkey" FOREIGN KEY ("attestationId") REFERENCES "Attestation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
