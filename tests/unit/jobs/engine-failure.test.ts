import { describe, expect, it } from "vitest";
import { describeEngineFailure } from "@/lib/jobs/worker/engine-failure";
import { ObjectNotFoundError } from "@/lib/storage";

describe("describeEngineFailure", () => {
  it("tells the user plainly when the genome is gone from storage, without logging it as a crash", () => {
    expect(describeEngineFailure(new ObjectNotFoundError("inputs/x.fa"))).toEqual({
      message: "The uploaded genome is no longer stored. Upload it again.",
      internal: false,
    });
  });

  it("keeps internal details out of the message for anything unexpected", () => {
    const d = describeEngineFailure(new Error("ENOMEM at /srv/secret/path"));
    expect(d.internal).toBe(true);
    expect(d.message).not.toMatch(/secret|ENOMEM/);
  });
});
