-- CreateTable
CREATE TABLE "collections" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "collections_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "collection_jobs" (
    "collection_id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "added_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("collection_id", "job_id"),
    CONSTRAINT "collection_jobs_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collections" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "collection_jobs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "amr_jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "collection_purged_jobs" (
    "collection_id" TEXT NOT NULL,
    "job_id" TEXT NOT NULL,
    "job_name" TEXT NOT NULL,
    "purged_at" DATETIME NOT NULL,

    PRIMARY KEY ("collection_id", "job_id"),
    CONSTRAINT "collection_purged_jobs_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collections" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "share_links" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "job_id" TEXT,
    "collection_id" TEXT,
    "expires_at" DATETIME,
    "revoked_at" DATETIME,
    "show_owner" BOOLEAN NOT NULL DEFAULT false,
    "created_at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "share_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "share_links_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "amr_jobs" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "share_links_collection_id_fkey" FOREIGN KEY ("collection_id") REFERENCES "collections" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "idx_collections_user_created" ON "collections"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "uq_collections_user_name" ON "collections"("user_id", "name");

-- CreateIndex
CREATE INDEX "idx_collection_jobs_job" ON "collection_jobs"("job_id");

-- CreateIndex
CREATE UNIQUE INDEX "share_links_token_hash_key" ON "share_links"("token_hash");

-- CreateIndex
CREATE INDEX "idx_share_links_user_created" ON "share_links"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "idx_share_links_job" ON "share_links"("job_id");

-- CreateIndex
CREATE INDEX "idx_share_links_collection" ON "share_links"("collection_id");

