import { describe, expect, it } from "vitest";
import { FastaError } from "@/lib/amr/fasta-reader";
import { describeEngineFailure } from "@/lib/jobs/worker/engine-failure";
import { ObjectNotFoundError } from "@/lib/storage";

describe("describeEngineFailure", () => {
  it("tells the user plainly when the genome is gone from storage, without logging it as a crash", () => {
    expect(describeEngineFailure(new ObjectNotFoundError("inputs/x.fa"))).toEqual({
      message: "The uploaded genome is no longer stored. Upload it again.",
      internal: false,
      transient: false,
    });
  });

  it("keeps internal details out of the message for anything unexpected", () => {
    const d = describeEngineFailure(new Error("ENOMEM at /srv/secret/path"));
    expect(d.internal).toBe(true);
    expect(d.message).not.toMatch(/secret|ENOMEM/);
  });

  it("retries what may go away by itself: a dead engine process, a storage hiccup, an S3 5xx", () => {
    const transient = [
      Object.assign(new Error("AMR worker exited with code null before returning a result."), { code: "engine_exited" }),
      Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
      Object.assign(new Error("Please reduce your request rate."), { name: "SlowDown" }),
      Object.assign(new Error("We encountered an internal error"), { $metadata: { httpStatusCode: 503 } }),
    ];
    for (const err of transient) expect(describeEngineFailure(err), err.message).toMatchObject({ transient: true, internal: true });
  });

  it("does not retry what would fail the same way again: a bad genome, a missing file, out of memory, a bug", () => {
    const permanent = [
      new FastaError("sequence_before_header", "sequence before the first header", 3),
      new ObjectNotFoundError("inputs/x.fa"),
      Object.assign(new Error("Worker terminated due to reaching memory limit"), { code: "ERR_WORKER_OUT_OF_MEMORY" }),
      new TypeError("Cannot read properties of undefined"),
      Object.assign(new Error("no catalog"), { code: "catalog_missing" }),
    ];
    for (const err of permanent) expect(describeEngineFailure(err), err.message).toMatchObject({ transient: false });
  });
});
