-- CreateTable
CREATE TABLE "AccessGrant" (
    "id" BIGSERIAL NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "subjectNamespace" TEXT NOT NULL DEFAULT '',
    "bindingKind" TEXT NOT NULL,
    "bindingName" TEXT NOT NULL,
    "bindingNamespace" TEXT NOT NULL DEFAULT '',
    "roleKind" TEXT NOT NULL,
    "roleName" TEXT NOT NULL,
    "ruleIndex" INTEGER NOT NULL,
    "ruleSource" TEXT,
    "apiGroups" TEXT[],
    "resources" TEXT[],
    "verbs" TEXT[],
    "resourceNames" TEXT[],
    "nonResourceUrls" TEXT[],
    "scope" TEXT NOT NULL DEFAULT '',
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessSubject" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "namespace" TEXT NOT NULL DEFAULT '',
    "exists" BOOLEAN,
    "builtIn" BOOLEAN NOT NULL DEFAULT false,
    "workloads" JSONB NOT NULL DEFAULT '[]',
    "capabilities" JSONB NOT NULL DEFAULT '[]',
    "privilege" TEXT NOT NULL DEFAULT '',
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AccessSubject_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessChange" (
    "id" BIGSERIAL NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "scanId" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "change" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "subjectNamespace" TEXT NOT NULL DEFAULT '',
    "bindingKind" TEXT NOT NULL,
    "bindingName" TEXT NOT NULL,
    "bindingNamespace" TEXT NOT NULL DEFAULT '',
    "roleKind" TEXT NOT NULL,
    "roleName" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "rule" JSONB NOT NULL,
    "builtIn" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "AccessChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessSnapshot" (
    "clusterId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "scanId" TEXT,
    "builtAt" TIMESTAMP(3) NOT NULL,
    "counts" JSONB NOT NULL,
    "stale" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "AccessSnapshot_pkey" PRIMARY KEY ("clusterId")
);

-- CreateTable
CREATE TABLE "AccessReview" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "clusterIds" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'open',
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dueAt" TIMESTAMP(3),
    "validDays" INTEGER NOT NULL DEFAULT 90,
    "signedOffAt" TIMESTAMP(3),
    "signedOffById" TEXT,
    "signedOffByName" TEXT,
    "signOffNote" TEXT,
    "attestationIds" TEXT[] DEFAULT ARRAY[]::TEXT[],

    CONSTRAINT "AccessReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccessReviewItem" (
    "id" TEXT NOT NULL,
    "reviewId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "clusterId" TEXT NOT NULL,
    "clusterName" TEXT NOT NULL,
    "subjectKind" TEXT NOT NULL,
    "subjectName" TEXT NOT NULL,
    "subjectNamespace" TEXT NOT NULL DEFAULT '',
    "capabilities" JSONB NOT NULL DEFAULT '[]',
    "privilege" TEXT NOT NULL DEFAULT '',
    "decision" TEXT NOT NULL DEFAULT 'pending',
    "note" TEXT NOT NULL DEFAULT '',
    "decidedById" TEXT,
    "decidedByName" TEXT,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "AccessReviewItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AccessGrant_orgId_subjectKind_subjectName_idx" ON "AccessGrant"("orgId", "subjectKind", "subjectName");

-- CreateIndex
CREATE INDEX "AccessGrant_clusterId_scope_idx" ON "AccessGrant"("clusterId", "scope");

-- CreateIndex
CREATE UNIQUE INDEX "AccessGrant_clusterId_key_key" ON "AccessGrant"("clusterId", "key");

-- CreateIndex
CREATE INDEX "AccessSubject_orgId_kind_name_idx" ON "AccessSubject"("orgId", "kind", "name");

-- CreateIndex
CREATE INDEX "AccessSubject_orgId_privilege_idx" ON "AccessSubject"("orgId", "privilege");

-- CreateIndex
CREATE UNIQUE INDEX "AccessSubject_clusterId_kind_namespace_name_key" ON "AccessSubject"("clusterId", "kind", "namespace", "name");

-- CreateIndex
CREATE INDEX "AccessChange_orgId_at_idx" ON "AccessChange"("orgId", "at");

-- CreateIndex
CREATE INDEX "AccessChange_clusterId_at_idx" ON "AccessChange"("clusterId", "at");

-- CreateIndex
CREATE INDEX "AccessChange_orgId_subjectKind_subjectName_idx" ON "AccessChange"("orgId", "subjectKind", "subjectName");

-- CreateIndex
CREATE INDEX "AccessSnapshot_orgId_idx" ON "AccessSnapshot"("orgId");

-- CreateIndex
CREATE INDEX "AccessReview_orgId_createdAt_idx" ON "AccessReview"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "AccessReviewItem_reviewId_idx" ON "AccessReviewItem"("reviewId");

-- CreateIndex
CREATE INDEX "AccessReviewItem_orgId_idx" ON "AccessReviewItem"("orgId");

-- AddForeignKey
ALTER TABLE "AccessGrant" ADD CONSTRAINT "AccessGrant_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessGrant" ADD CONSTRAINT "AccessGrant_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessSubject" ADD CONSTRAINT "AccessSubject_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessSubject" ADD CONSTRAINT "AccessSubject_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessChange" ADD CONSTRAINT "AccessChange_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessChange" ADD CONSTRAINT "AccessChange_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessSnapshot" ADD CONSTRAINT "AccessSnapshot_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessSnapshot" ADD CONSTRAINT "AccessSnapshot_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReview" ADD CONSTRAINT "AccessReview_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessReviewItem" ADD CONSTRAINT "AccessReviewItem_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "AccessReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;
