-- CreateTable
CREATE TABLE "maintenance_cursors" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "position" TEXT NOT NULL,
    "updated_at" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "worker_heartbeats" (
    "owner" TEXT NOT NULL PRIMARY KEY,
    "host" TEXT NOT NULL,
    "started_at" DATETIME NOT NULL,
    "last_seen_at" DATETIME NOT NULL,
    "resfinder_ok" BOOLEAN NOT NULL
);

