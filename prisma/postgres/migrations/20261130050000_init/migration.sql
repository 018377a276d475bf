-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "email" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login" TIMESTAMPTZ(3),
    "role" TEXT NOT NULL DEFAULT 'user',
    "session_version" INTEGER NOT NULL DEFAULT 0,
    "disabled_at" TIMESTAMPTZ(3),
    "username_key" TEXT,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amr_jobs" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "job_name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
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
    "lease_expires_at" TIMESTAMPTZ(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "archived_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "amr_jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "amr_job_params" (
    "job_id" TEXT NOT NULL,
    "model_name" TEXT NOT NULL,
    "batch_size" INTEGER NOT NULL,
    "segment_length" INTEGER NOT NULL,
    "segment_overlap" INTEGER NOT NULL,
    "use_cpu" BOOLEAN NOT NULL DEFAULT false,
    "min_identity" DOUBLE PRECISION NOT NULL DEFAULT 80,
    "min_coverage" DOUBLE PRECISION NOT NULL DEFAULT 60,

    CONSTRAINT "amr_job_params_pkey" PRIMARY KEY ("job_id")
);

-- CreateTable
CREATE TABLE "password_reset_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "password_reset_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_events" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maintenance_runs" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),
    "duration_ms" INTEGER,
    "archived" INTEGER NOT NULL DEFAULT 0,
    "purged" INTEGER NOT NULL DEFAULT 0,
    "failed_stale" INTEGER NOT NULL DEFAULT 0,
    "orphans_removed" INTEGER NOT NULL DEFAULT 0,
    "missing_files" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "maintenance_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maintenance_locks" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "acquired_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "maintenance_locks_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key" ON "users"("username");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "users_username_key_key" ON "users"("username_key");

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

-- CreateIndex
CREATE UNIQUE INDEX "password_reset_tokens_token_hash_key" ON "password_reset_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "idx_password_reset_tokens_user" ON "password_reset_tokens"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "idx_api_tokens_user_created" ON "api_tokens"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "idx_rate_limit_events_key_at" ON "rate_limit_events"("key", "at");

-- CreateIndex
CREATE INDEX "idx_maintenance_runs_started" ON "maintenance_runs"("started_at");

-- AddForeignKey
ALTER TABLE "amr_jobs" ADD CONSTRAINT "amr_jobs_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "amr_job_params" ADD CONSTRAINT "amr_job_params_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "amr_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_reset_tokens" ADD CONSTRAINT "password_reset_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

