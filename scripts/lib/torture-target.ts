// The process `npm run torture` kills: a small HTTP server whose POST /jobs is the application's
// own upload use case (lib/jobs/createJob: streamed multipart → genome in storage → job row),
// answering 201 only after both committed, plus the application's job worker on the same
// database. The engine is synthetic (progress every 40 ms, done in ~0.3 s): what is under test
// is the database and the files, which see the real write mix — uploads, claims, progress,
// completions with result files, lease sweeps — and a SIGKILL at any point of it.
import http from "node:http";
import { Readable } from "node:stream";
import { appDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createJob } from "@/lib/jobs/create-job";
import { systemClock } from "@/lib/jobs/worker/clock";
import { workerTimings } from "@/lib/jobs/worker/config";
import type { EngineRunner } from "@/lib/jobs/worker/engine-runner";
import { startWorker } from "@/lib/jobs/worker/worker-loop";
import { getStorage } from "@/lib/storage";

const userId = process.env.TORTURE_USER_ID!;
const env = getEnv();

const syntheticEngine: EngineRunner = async ({ onProgress, signal }) => {
  const total = 10_000;
  for (let done = 0; done <= total; done += 1250) {
    if (signal.aborted) throw Object.assign(new Error("aborted"), { name: "AbortError" });
    onProgress({ phase: "searching", segmentsDone: done / 1250, segmentsTotal: 8, basesDone: done, basesTotal: total });
    await new Promise((r) => setTimeout(r, 40));
  }
  return {
    model: "resfinder-genes",
    input: { contigs: 1, bases: total },
    genes: [],
    phenotypes: [{ antibiotic: "ampicillin", class: "beta-lactam", phenotype: "No resistance detected", genes: [] }],
  };
};

startWorker({ db: appDb(), storage: getStorage(), runner: syntheticEngine, clock: systemClock, ...workerTimings(), pollMs: 100, log: () => undefined });

const deps = {
  db: appDb(),
  storage: getStorage(),
  maxUploadBytes: env.UPLOAD_MAX_BYTES,
  maxUncompressedBytes: env.UNCOMPRESSED_MAX_BYTES,
  maxActiveJobsPerUser: 1_000_000,
};

const server = http.createServer(async (req, res) => {
  try {
    if (req.method !== "POST" || req.url !== "/jobs") {
      res.writeHead(404).end();
      return;
    }
    const request = new Request(`http://localhost${req.url}`, {
      method: "POST",
      headers: req.headers as Record<string, string>,
      body: Readable.toWeb(req) as ReadableStream,
      duplex: "half",
    } as RequestInit);
    const job = await createJob(deps, userId, request);
    res.writeHead(201, { "content-type": "application/json" }).end(JSON.stringify({ id: job.id }));
  } catch (err) {
    res.writeHead(500).end(err instanceof Error ? err.message : String(err));
  }
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
});
