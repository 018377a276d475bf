-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_amr_job_params" (
    "job_id" TEXT NOT NULL PRIMARY KEY,
    "model_name" TEXT NOT NULL,
    "batch_size" INTEGER NOT NULL,
    "segment_length" INTEGER NOT NULL,
    "segment_overlap" INTEGER NOT NULL,
    "use_cpu" BOOLEAN NOT NULL DEFAULT false,
    "min_identity" REAL NOT NULL DEFAULT 80,
    "min_coverage" REAL NOT NULL DEFAULT 60,
    CONSTRAINT "amr_job_params_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "amr_jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_amr_job_params" ("batch_size", "job_id", "model_name", "segment_length", "segment_overlap", "use_cpu") SELECT "batch_size", "job_id", "model_name", "segment_length", "segment_overlap", "use_cpu" FROM "amr_job_params";
DROP TABLE "amr_job_params";
ALTER TABLE "new_amr_job_params" RENAME TO "amr_job_params";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

