// The worker runner against a fresh bundle built here, so the test does not depend on `npm run build:engine`.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { FastaError } from "../../../lib/amr/fasta-reader";
import { resolveParams } from "../../../lib/amr/models";
import { runPredictionInWorker } from "../../../lib/amr/runner";
import type { AmrParams, EngineProgress } from "../../../lib/amr/types";
import { mulberry32 } from "../../helpers/genome-generator";

const dir = mkdtempSync(path.join(tmpdir(), "amr-runner-"));
const workerPath = path.join(dir, "amr-worker.mjs");

beforeAll(async () => {
  await build({
    entryPoints: [path.join(__dirname, "../../../lib/amr/worker-entry.ts")],
    outfile: workerPath, bundle: true, platform: "node", format: "esm", target: "node20", logLevel: "silent",
  });
});

function params(overrides: Partial<AmrParams> = {}): AmrParams {
  const r = resolveParams(overrides);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.params;
}

describe("runPredictionInWorker", () => {
  it("runs the whole prediction in a worker and streams progress", async () => {
    const progress: EngineProgress[] = [];
    const result = await runPredictionInWorker({
      inputPath: "/usr/share/doc/resfinder/examples/data/test_isolate_01.fa.gz",
      params: params(),
      workerPath,
      onProgress: (p) => progress.push(p),
    });
    expect(result.genes.map((g) => [g.refId, g.start, g.end])).toEqual([["blaB-2_1_AF189300", 631, 1380]]);
    expect(progress.map((p) => p.phase)).toContain("searching");
    expect(progress.at(-1)?.phase).toBe("done");
  });

  it("brings input errors back with their code, line and message", async () => {
    const bad = path.join(dir, "bad.fa");
    writeFileSync(bad, ">a\nACGT\n>b\nAC?T\n");
    const err = await runPredictionInWorker({ inputPath: bad, params: params(), workerPath }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FastaError);
    expect(err).toMatchObject({ code: "invalid_character", line: 4, message: expect.stringMatching(/^Line 4: invalid character '\?'/) });
  });

  it("stops a long run midway when aborted, with an AbortError", async () => {
    // 3 Mbp of random sequence searched in 1 kbp segments: long enough to abort midway.
    const rand = mulberry32(99);
    const big = path.join(dir, "big.fa");
    const seq = Buffer.alloc(3_000_000);
    for (let i = 0; i < seq.length; i++) seq[i] = "ACGT".charCodeAt(Math.floor(rand() * 4));
    writeFileSync(big, Buffer.concat([Buffer.from(">big\n"), seq, Buffer.from("\n")]));

    const controller = new AbortController();
    let abortedAt = 0;
    let lastDone = 0;
    let total = 0;
    const run = runPredictionInWorker({
      inputPath: big,
      params: params({ segmentLength: 1000, batchSize: 1 }),
      workerPath,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === "searching") [lastDone, total] = [p.segmentsDone, p.segmentsTotal];
        if (p.phase === "searching" && p.segmentsDone >= 100 && !abortedAt) {
          abortedAt = p.segmentsDone;
          controller.abort();
        }
      },
    });
    const err = await run.catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "AbortError" });
    expect(abortedAt).toBeGreaterThanOrEqual(100);
    // The run ended short of its last segment, not by finishing. (How fast it stops, and the
    // caller's event-loop lag meanwhile, are figures of `npm run bench:timing`.)
    expect(total).toBeGreaterThan(1_000);
    expect(lastDone).toBeLessThan(total);
  });

  it("rejects at once when the signal has already fired, and names a missing bundle", async () => {
    await expect(runPredictionInWorker({ inputPath: "x.fa", params: params(), workerPath, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
    await expect(runPredictionInWorker({ inputPath: "x.fa", params: params(), workerPath: path.join(dir, "missing.mjs") })).rejects.toThrow(/AMR worker bundle not found at .*missing\.mjs.*build:engine/);
  });
});

describe("runPredictionInWorker isolation", () => {
  it("gives the same result in a low-priority child process and in a worker thread", async () => {
    const input = { inputPath: "/usr/share/doc/resfinder/examples/data/test_isolate_02.fa", params: params(), workerPath };
    const inProcess = await runPredictionInWorker({ ...input, isolation: "process", niceness: 5 });
    const inThread = await runPredictionInWorker({ ...input, isolation: "thread" });
    expect(inProcess).toEqual(inThread);
    expect(inProcess.genes.map((g) => g.refId)).toContain("blaCTX-M-33_1_AY238472");
  });

  it("kills the child process on abort", async () => {
    const controller = new AbortController();
    const run = runPredictionInWorker({
      inputPath: "/usr/share/doc/resfinder/examples/data/test_isolate_01.fa.gz",
      params: params(),
      workerPath,
      isolation: "process",
      signal: controller.signal,
    });
    controller.abort();
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
  });
});
