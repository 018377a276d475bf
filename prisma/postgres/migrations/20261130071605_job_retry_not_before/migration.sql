-- AlterTable
ALTER TABLE "amr_jobs" ADD COLUMN     "not_before" TIMESTAMPTZ(3);

