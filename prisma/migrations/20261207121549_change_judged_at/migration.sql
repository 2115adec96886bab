-- AlterTable
ALTER TABLE "ClusterChange" ADD COLUMN     "judgedAt" TIMESTAMP(3);
