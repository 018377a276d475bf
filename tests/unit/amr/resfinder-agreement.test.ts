// ResFinder's own example isolates (Debian resfinder-example) against ResFinder 4.3's calls for them,
// stored in tests/fixtures/amr/resfinder-isolates.json.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../../lib/amr/catalog";
import { readFastaFile } from "../../../lib/amr/fasta-reader";
import { resolveParams } from "../../../lib/amr/models";
import { predictAmr } from "../../../lib/amr/predict";

const EXAMPLES = "/usr/share/doc/resfinder/examples/data";
const fixture = JSON.parse(readFileSync(path.join(__dirname, "../../fixtures/amr/resfinder-isolates.json"), "utf8")) as {
  isolates: Record<string, { genes: Record<string, unknown>[]; resistant: string[] }>;
};

describe("agreement with ResFinder 4.3 on its example isolates", () => {
  for (const [isolate, expected] of Object.entries(fixture.isolates)) {
    it(`${isolate}: ${expected.genes.length} gene(s), ${expected.resistant.length} resistant antibiotic(s)`, async () => {
      const file = [`${EXAMPLES}/${isolate}.fa`, `${EXAMPLES}/${isolate}.fa.gz`].find(existsSync);
      expect(file, `resfinder-example is not installed (${EXAMPLES})`).toBeDefined();
      const params = resolveParams({});
      if (!params.ok) throw new Error("default params rejected");
      const result = await predictAmr(await readFastaFile(file!), await loadCatalog("/usr/share/resfinder/db"), params.params);
      const genes = result.genes.map(({ refId, contig, start, end, identity, coverage, alignmentLength, referenceLength }) => ({
        refId, contig, start, end, identity, coverage, alignmentLength, referenceLength,
      }));
      expect(genes).toEqual(expected.genes);
      // Both isolates carry their gene unchanged: 100 % identity over 100 % of the reference.
      for (const g of result.genes) expect(g.allele).toMatchObject({ status: "exact", nucleotideChanges: [], aminoAcidChanges: [] });
      expect(result.phenotypes.filter((p) => p.phenotype === "Resistant").map((p) => p.antibiotic).sort()).toEqual(expected.resistant);
    });
  }
});
