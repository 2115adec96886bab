-- AlterTable
ALTER TABLE "Organization" ADD COLUMN     "scopedFrameworks" TEXT[] DEFAULT ARRAY[]::TEXT[];
