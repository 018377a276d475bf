// Adds an allele call to each finished gene call; predict.ts runs it once, after ResFinder's rules.
import type { Catalog } from "../catalog";
import type { Contig, GeneHit } from "../types";
import { annotateCall } from "./annotate-call";
import { annotateSplit } from "./split-allele";

export function annotateGenes(genes: GeneHit[], contigs: Contig[], catalog: Catalog): GeneHit[] {
  if (genes.length === 0) return genes;
  const contigById = new Map(contigs.map((c) => [c.id, c.codes]));
  // A sequence listed in two class files is two references with one id and the same bases.
  const refById = new Map(catalog.refs.map((r) => [r.refId, r.codes]));
  return genes.map((gene) => {
    const contig = contigById.get(gene.contig);
    const reference = refById.get(gene.refId);
    if (!contig || !reference) return gene;
    try {
      if (!gene.pieces || gene.pieces.length < 2) return { ...gene, allele: annotateCall(gene, reference, contig) };
      const allele = annotateSplit(gene.pieces, reference, (id) => contigById.get(id));
      return allele ? { ...gene, allele } : gene;
    } catch (err) {
      // An alignment too large to hold (none in today's database) leaves the call without an allele
      // rather than failing the job.
      if (err instanceof RangeError) return gene;
      throw err;
    }
  });
}
