-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "email" TEXT,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login" DATETIME,
    "role" TEXT NOT NULL DEFAULT 'user',
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "disabled_at" DATETIME
);

-- CreateTable
CREATE TABLE "amr_jobs" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "job_name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "progress" REAL NOT NULL DEFAULT 0,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" DATETIME,
    "completed_at" DATETIME,
    "error" TEXT,
    "input_file_path" TEXT,
    "result_file_path" TEXT,
    "additional_info" TEXT,
    "input_file_name" TEXT,
    "input_file_size" INTEGER,
    "input_sha256" TEXT,
    "input_contigs" INTEGER,
    "input_bases" INTEGER,
    "lease_owner" TEXT,
    "lease_token" TEXT,
    "lease_expires_at" DATETIME,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "archived_at" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "amr_jobs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "amr_job_params" (
    "job_id" TEXT NOT NULL PRIMARY KEY,
    "model_name" TEXT NOT NULL,
    "batch_size" INTEGER NOT NULL,
    "segment_length" INTEGER NOT NULL,
    "segment_overlap" INTEGER NOT NULL,
    "use_cpu" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "amr_job_params_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "amr_jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "idx_users_username" ON "users"("username");

-- CreateIndex
CREATE INDEX "idx_users_email" ON "users"("email");

-- CreateIndex
CREATE INDEX "idx_amr_jobs_user_id" ON "amr_jobs"("user_id");

-- CreateIndex
CREATE INDEX "idx_amr_jobs_status" ON "amr_jobs"("status");

-- CreateIndex
CREATE INDEX "idx_amr_jobs_created_at" ON "amr_jobs"("created_at");

-- CreateIndex
CREATE INDEX "idx_amr_jobs_user_created" ON "amr_jobs"("user_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "idx_amr_jobs_user_status_created" ON "amr_jobs"("user_id", "status", "created_at", "id");

-- CreateIndex
CREATE INDEX "idx_amr_jobs_status_created" ON "amr_jobs"("status", "created_at");

-- CreateIndex
CREATE INDEX "idx_amr_jobs_status_completed" ON "amr_jobs"("status", "completed_at");
