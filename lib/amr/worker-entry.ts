// Entry of the worker bundle (scripts/build-engine.mjs): reads the genome, loads the catalog and predicts
// off the caller's event loop. Cancellation is the parent terminating this thread.
import { createReadStream } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { loadCatalog } from "./catalog";
import { readFasta } from "./fasta-reader";
import { predictAmr } from "./predict";
import { serializeError, type WorkerInput, type WorkerMessage } from "./worker-protocol";

async function main(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  const send = (message: WorkerMessage) => port.postMessage(message);
  try {
    const genome = await readFasta(createReadStream(input.inputPath));
    send({ type: "progress", progress: { phase: "loading", segmentsDone: 0, segmentsTotal: 0, basesDone: 0, basesTotal: genome.bases } });
    const catalog = await loadCatalog(input.dbDir);
    const result = await predictAmr(genome, catalog, input.params, { onProgress: (progress) => send({ type: "progress", progress }) });
    send({ type: "result", result });
  } catch (err) {
    send({ type: "error", error: serializeError(err) });
  }
}

if (parentPort) void main(parentPort, workerData as WorkerInput);
