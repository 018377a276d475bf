-- CreateTable
CREATE TABLE "maintenance_cursors" (
    "name" TEXT NOT NULL,
    "position" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "maintenance_cursors_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "worker_heartbeats" (
    "owner" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "resfinder_ok" BOOLEAN NOT NULL,

    CONSTRAINT "worker_heartbeats_pkey" PRIMARY KEY ("owner")
);

