import { describe, expect, it } from "vitest";
import { DEFAULT_MODEL, MODELS, resolveParams } from "../../../lib/amr/models";

describe("model registry", () => {
  it("lists resfinder-genes as the default model with its parameters, JSON-serialisable", () => {
    expect(JSON.parse(JSON.stringify(MODELS))).toEqual(MODELS);
    const model = MODELS.find((m) => m.default)!;
    expect(model.name).toBe(DEFAULT_MODEL);
    const byName = Object.fromEntries(model.parameters.map((p) => [p.name, [p.min, p.max, p.default]]));
    expect(byName).toMatchObject({ batch_size: [1, 1024, 8], segment_length: [1000, 1_000_000, 6000], segment_overlap: [0, 999_999, 0], min_identity: [0, 100, 80], min_coverage: [0, 100, 60] });
  });

  it("fills defaults", () => {
    expect(resolveParams({})).toEqual({
      ok: true,
      params: { modelName: "resfinder-genes", batchSize: 8, segmentLength: 6000, segmentOverlap: 0, useCpu: true, minIdentity: 80, minCoverage: 60 },
    });
  });

  it("refuses an unknown model", () => {
    expect(resolveParams({ modelName: "kma" })).toEqual({ ok: false, errors: { modelName: expect.stringMatching(/Unknown model "kma".*resfinder-genes/) } });
  });

  it("refuses out-of-range values, giving the allowed range", () => {
    const r = resolveParams({ batchSize: 0, segmentLength: 999, minIdentity: 101, minCoverage: Number.NaN });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.batchSize).toMatch(/batch_size must be between 1 and 1024; got 0/);
    expect(r.errors.segmentLength).toMatch(/between 1000 and 1000000; got 999/);
    expect(r.errors.minIdentity).toMatch(/between 0 and 100; got 101/);
    expect(r.errors.minCoverage).toMatch(/must be a number between 0 and 100/);
    expect(resolveParams({ batchSize: 2.5 })).toMatchObject({ ok: false, errors: { batchSize: expect.stringMatching(/integer/) } });
  });

  it("refuses an overlap not shorter than the segment", () => {
    expect(resolveParams({ segmentLength: 2000, segmentOverlap: 2000 })).toMatchObject({ ok: false, errors: { segmentOverlap: expect.stringMatching(/between 0 and segment_length - 1 \(1999\); got 2000/) } });
    expect(resolveParams({ segmentLength: 2000, segmentOverlap: 1999 }).ok).toBe(true);
  });

  it("refuses use_cpu=false while no model runs on an accelerator", () => {
    expect(resolveParams({ useCpu: false })).toEqual({ ok: false, errors: { useCpu: expect.stringMatching(/use_cpu=false is not supported: no model runs on an accelerator/) } });
  });
});
