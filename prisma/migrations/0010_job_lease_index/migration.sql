-- DropIndex
DROP INDEX "Job_status_runAt_idx";

