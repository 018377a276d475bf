// Entry of the worker bundle (scripts/build-engine.mjs): reads the genome, loads the catalog and predicts
// off the caller's event loop, either as a worker thread or as a forked child process (which the
// runner can give a lower CPU priority). Cancellation is the parent terminating the thread or process.
import { parentPort, workerData } from "node:worker_threads";
import { loadCatalog } from "./catalog";
import { readFastaFile } from "./fasta-reader";
import { predictAmr } from "./predict";
import { serializeError, type WorkerInput, type WorkerMessage } from "./worker-protocol";

async function main(send: (message: WorkerMessage) => void, input: WorkerInput): Promise<void> {
  try {
    // The database loads while the genome is parsed; a bad genome is still the error reported when both fail.
    const catalogLoad = loadCatalog(input.dbDir);
    const genome = await readFastaFile(input.inputPath);
    send({ type: "progress", progress: { phase: "loading", segmentsDone: 0, segmentsTotal: 0, basesDone: 0, basesTotal: genome.bases } });
    const catalog = await catalogLoad;
    const result = await predictAmr(genome, catalog, input.params, { onProgress: (progress) => send({ type: "progress", progress }) });
    send({ type: "result", result });
  } catch (err) {
    send({ type: "error", error: serializeError(err) });
  }
}

if (parentPort) {
  const port = parentPort;
  void main((message) => port.postMessage(message), workerData as WorkerInput);
} else if (process.send) {
  // The parent (a job worker) died, e.g. SIGKILL: nobody waits for the answer, so stop using the CPU.
  process.once("disconnect", () => process.exit(1));
  const send = process.send.bind(process);
  process.once("message", (input) => void main((message) => send(message), input as WorkerInput));
}
