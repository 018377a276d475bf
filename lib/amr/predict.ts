// The resfinder-genes model: seeds and alignments per segment batch, then ResFinder's rules per class,
// then the phenotype table.
import { annotateGenes } from "./alleles/annotate-genes";
import type { Catalog, Reference } from "./catalog";
import { ContigSearch, type Hsp } from "./contig-search";
import { derivePhenotypes } from "./phenotype";
import { resolveClass, type BlastHit, type KeptHit } from "./resfinder-rules";
import { planSegments } from "./segments";
import type { AmrParams, AmrResult, EngineProgress, GeneHit, ParsedGenome } from "./types";

export interface PredictOptions {
  onProgress?: (progress: EngineProgress) => void;
  signal?: AbortSignal;
}

export function abortError(): Error {
  const err = new Error("The prediction was cancelled.");
  err.name = "AbortError";
  return err;
}

export async function predictAmr(genome: ParsedGenome, catalog: Catalog, params: AmrParams, options: PredictOptions = {}): Promise<AmrResult> {
  const { onProgress, signal } = options;
  const segments = planSegments(genome.contigs.map((c) => c.sequence.length), params.segmentLength, params.segmentOverlap);
  const progress: EngineProgress = { phase: "searching", segmentsDone: 0, segmentsTotal: segments.length, basesDone: 0, basesTotal: genome.bases };
  const report = () => onProgress?.({ ...progress });
  const checkpoint = async () => {
    report();
    // Yielding lets an abort event (and anything else on this event loop) run between batches.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal?.aborted) throw abortError();
  };
  if (signal?.aborted) throw abortError();
  report();

  const hspsByContig: BlastHit[][] = genome.contigs.map(() => []);
  let search: ContigSearch | null = null;
  for (let b = 0; b < segments.length; b += params.batchSize) {
    for (const seg of segments.slice(b, b + params.batchSize)) {
      const contig = genome.contigs[seg.contig];
      search ??= new ContigSearch(contig.sequence, catalog);
      search.scan(seg.ownStart, seg.ownEnd);
      if (seg.last) {
        hspsByContig[seg.contig] = search.finalHsps().map((h) => toBlastHit(h, contig.id, search!.length, catalog));
        search = null;
      }
      progress.segmentsDone++;
      progress.basesDone += seg.ownEnd - seg.ownStart;
    }
    await checkpoint();
  }

  progress.phase = "resolving";
  report();
  // Allele annotation reads only finished calls and the sequences, whatever found them.
  const genes = annotateGenes(callGenes(hspsByContig, catalog, params), genome.contigs, catalog);
  // Lengths of the contigs that carry a call, so a plot can place hits on a true scale.
  const withHits = new Set(genes.map((g) => g.contig));
  const contigLengths = genome.contigs.filter((c) => withHits.has(c.id)).map((c) => ({ id: c.id, length: c.sequence.length }));
  const result: AmrResult = {
    model: params.modelName,
    input: { contigs: genome.contigs.length, bases: genome.bases, contigLengths },
    genes,
    phenotypes: derivePhenotypes(catalog, genes),
  };
  progress.phase = "done";
  report();
  return result;
}

function toBlastHit(h: Hsp, contig: string, contigLength: number, catalog: Catalog): BlastHit {
  const ref = catalog.refs[h.ref];
  return {
    ref: h.ref,
    refId: ref.refId,
    contig,
    queryStart: h.minus ? contigLength - h.qEnd + 1 : h.qStart + 1,
    queryEnd: h.minus ? contigLength - h.qStart : h.qEnd,
    sbjctStart: h.rStart + 1,
    sbjctEnd: h.rEnd,
    sbjctLength: ref.codes.length,
    alnLen: h.alnLen,
    nident: h.nident,
    gaps: h.gaps,
    score: h.score,
    minus: h.minus,
  };
}

/** ResFinder runs one BLAST per class and merges identical calls from several classes into one. */
function callGenes(hspsByContig: BlastHit[][], catalog: Catalog, params: AmrParams): GeneHit[] {
  const genes: GeneHit[] = [];
  const seen = new Set<string>();
  catalog.classes.forEach((cls, classIndex) => {
    const perContig = hspsByContig.map((hits) =>
      hits.filter((h) => catalog.refs[h.ref].classIndex === classIndex && (h.nident / h.alnLen) * 100 >= params.minIdentity),
    );
    for (const kept of resolveClass(perContig, params.minCoverage)) {
      const key = `${kept.refId}\t${kept.contig}\t${kept.queryStart}\t${kept.queryEnd}`;
      if (seen.has(key)) continue;
      seen.add(key);
      genes.push(toGeneHit(kept, cls.name, catalog.refs[kept.ref]));
    }
  });
  const contigOrder = new Map<string, number>();
  hspsByContig.forEach((hits, i) => hits.forEach((h) => contigOrder.set(h.contig, i)));
  return genes.sort(
    (a, b) => contigOrder.get(a.contig)! - contigOrder.get(b.contig)! || a.start - b.start || a.end - b.end || compareText(a.refId, b.refId),
  );
}

function toGeneHit(hit: KeptHit, className: string, ref: Reference): GeneHit {
  return {
    refId: hit.refId,
    gene: ref.gene,
    accession: ref.accession,
    class: className,
    contig: hit.contig,
    start: hit.queryStart,
    end: hit.queryEnd,
    strand: hit.minus ? "-" : "+",
    identity: round2(hit.percIdent),
    coverage: round2(hit.coverage * 100),
    alignmentLength: hit.alnLen,
    referenceLength: hit.sbjctLength,
    antibiotics: [...ref.antibiotics],
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
