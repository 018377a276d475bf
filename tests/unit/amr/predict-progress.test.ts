import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog, type Catalog } from "../../../lib/amr/catalog";
import { readFasta } from "../../../lib/amr/fasta-reader";
import { resolveParams } from "../../../lib/amr/models";
import { predictAmr } from "../../../lib/amr/predict";
import type { AmrParams, EngineProgress, ParsedGenome } from "../../../lib/amr/types";
import { generateGenome } from "../../helpers/genome-generator";

let catalog: Catalog;
let genome: ParsedGenome;
beforeAll(async () => {
  catalog = await loadCatalog("/usr/share/resfinder/db");
  genome = await readFasta([Buffer.from(generateGenome(catalog, { seed: 5, contigs: 3, contigLength: 0, genesPerContig: 4 }).fasta)]);
});

function params(overrides: Partial<AmrParams>): AmrParams {
  const r = resolveParams(overrides);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.params;
}

describe("progress and cancellation", () => {
  it("reports progress after every batch up to every segment and base", async () => {
    const seen: EngineProgress[] = [];
    await predictAmr(genome, catalog, params({ segmentLength: 1000, batchSize: 2 }), { onProgress: (p) => seen.push(p) });
    const searching = seen.filter((p) => p.phase === "searching");
    const total = searching[0].segmentsTotal;
    const expectedTotal = genome.contigs.reduce((n, c) => n + Math.ceil(c.codes.length / 1000), 0);
    expect(total).toBe(expectedTotal);
    // One report before the first batch, then one per batch of two segments.
    expect(searching).toHaveLength(1 + Math.ceil(total / 2));
    for (let i = 1; i < searching.length; i++) expect(searching[i].segmentsDone).toBeGreaterThan(searching[i - 1].segmentsDone);
    expect(searching.at(-1)).toMatchObject({ segmentsDone: total, basesDone: genome.bases, basesTotal: genome.bases });
    expect(seen.at(-1)?.phase).toBe("done");
  });

  it("stops with an AbortError when the signal fires", async () => {
    const controller = new AbortController();
    let batches = 0;
    const run = predictAmr(genome, catalog, params({ segmentLength: 1000, batchSize: 1 }), {
      signal: controller.signal,
      onProgress: () => {
        if (++batches === 3) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: "AbortError" });
    expect(batches).toBe(3);
  });

  it("does not start when the signal has already fired", async () => {
    await expect(predictAmr(genome, catalog, params({}), { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
  });
});
