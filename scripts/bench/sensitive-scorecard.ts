// Found / missed / false calls of the resfinder-sensitive model (and the default model beside it) on
// generated genomes, by the identity band of the inserted copy and for genes split across contigs.
import type { Catalog } from "../../lib/amr/catalog";
import { readFasta } from "../../lib/amr/fasta-reader";
import { DEFAULT_MODEL, SENSITIVE_MODEL, resolveParams } from "../../lib/amr/models";
import { predictAmr } from "../../lib/amr/predict";
import type { GeneHit } from "../../lib/amr/types";
import { generateSensitiveGenome, type SensitiveInsert } from "../../tests/helpers/sensitive-genome";

const BANDS: { name: string; test: (i: SensitiveInsert) => boolean; expected: boolean }[] = [
  { name: "80–85 %, no 28-base run", test: (i) => i.kind === "diverged" && i.identity < 85, expected: true },
  { name: "85–90 %, no 28-base run", test: (i) => i.kind === "diverged" && i.identity >= 85, expected: true },
  { name: "90–100 %", test: (i) => i.kind === "close", expected: true },
  { name: "split across 2 contigs", test: (i) => i.kind === "split", expected: true },
  { name: "75 % (must not be called)", test: (i) => i.kind === "far", expected: false },
  { name: "50 % truncated (must not)", test: (i) => i.kind === "half", expected: false },
];

export async function sensitiveScorecard(catalog: Catalog, seeds: number[]): Promise<string> {
  const counts = new Map<string, { inserts: number; found: number[]; whole: number[] }>();
  const falseCalls = [0, 0];
  const models = [DEFAULT_MODEL, SENSITIVE_MODEL];
  for (const seed of seeds) {
    const g = generateSensitiveGenome(catalog, seed);
    const genome = await readFasta([Buffer.from(g.fasta)]);
    for (const [m, model] of models.entries()) {
      const p = resolveParams({ modelName: model });
      if (!p.ok) throw new Error(JSON.stringify(p.errors));
      const { genes } = await predictAmr(genome, catalog, p.params);
      for (const band of BANDS) {
        const row = counts.get(band.name) ?? { inserts: 0, found: [0, 0], whole: [0, 0] };
        counts.set(band.name, row);
        for (const ins of g.inserts.filter(band.test)) {
          if (m === 0) row.inserts++;
          const calls = genes.filter((c) => c.refId === ins.refId && overlaps(c, ins));
          if (calls.length > 0) row.found[m]++;
          // A split gene counts as whole only when one call covers both pieces.
          if (calls.some((c) => ins.kind !== "split" || c.split)) row.whole[m]++;
        }
      }
      falseCalls[m] += genes.filter((c) => !g.inserts.some((ins) => c.refId === ins.refId && overlaps(c, ins))).length;
    }
  }
  const lines = [`  ${"inserted genes".padEnd(28)}${"n".padStart(4)}  ${DEFAULT_MODEL.padEnd(20)}${SENSITIVE_MODEL}`];
  for (const band of BANDS) {
    const row = counts.get(band.name)!;
    const cell = (m: number) =>
      band.expected ? `found ${row.whole[m]}, missed ${row.inserts - row.whole[m]}` : `false ${row.found[m]}, right ${row.inserts - row.found[m]}`;
    lines.push(`  ${band.name.padEnd(28)}${String(row.inserts).padStart(4)}  ${cell(0).padEnd(20)}${cell(1)}`);
  }
  lines.push(`  ${"calls no insert explains".padEnd(28)}${"".padStart(4)}  ${String(falseCalls[0]).padEnd(20)}${falseCalls[1]}`);
  lines.push(`  (${seeds.length} genomes, seeds ${seeds.join(", ")}; a split gene counts as found only when joined into one call)`);
  return lines.join("\n");
}

function overlaps(c: GeneHit, ins: SensitiveInsert): boolean {
  return [c, ...(c.pieces ?? [])].some((p) => ins.pieces.some((q) => p.contig === q.contig && Math.min(p.end, q.end) - Math.max(p.start, q.start) >= 30));
}
