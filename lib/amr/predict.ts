// Both models: seeds and alignments per segment batch, then ResFinder's rules per class, then the phenotype
// table. resfinder-sensitive also seeds each contig with spaced seeds and joins genes split across contigs.
// Allele annotation comes last: it reads only finished calls and the sequences, whatever found them.
import { annotateGenes } from "./alleles/annotate-genes";
import type { Catalog } from "./catalog";
import { callGenes, sortCalls } from "./call-genes";
import { ContigSearch, type Hsp } from "./contig-search";
import { ExtensionMemo } from "./extension-memo";
import { SENSITIVE_MODEL } from "./models";
import { derivePhenotypes } from "./phenotype";
import type { BlastHit } from "./resfinder-rules";
import { planSegments } from "./segments";
import { sensitiveCalls } from "./sensitive-calls";
import { findSensitiveHsps } from "./sensitive-search";
import { spacedIndexFor } from "./spaced-index-cache";
import type { AmrParams, AmrResult, EngineProgress, ParsedGenome } from "./types";

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
  const segments = planSegments(genome.contigs.map((c) => c.codes.length), params.segmentLength, params.segmentOverlap);
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

  const sensitive = params.modelName === SENSITIVE_MODEL;
  const spacedIndex = sensitive ? spacedIndexFor(catalog) : null;
  const hspsByContig: BlastHit[][] = genome.contigs.map(() => []);
  const extraByContig: BlastHit[][] = genome.contigs.map(() => []);
  let search: ContigSearch | null = null;
  // One pair for the whole run: each contig's search empties and refills it (see ContigSearch).
  const memos: [ExtensionMemo, ExtensionMemo] = [new ExtensionMemo(), new ExtensionMemo()];
  for (let b = 0; b < segments.length; b += params.batchSize) {
    for (const seg of segments.slice(b, b + params.batchSize)) {
      const contig = genome.contigs[seg.contig];
      search ??= new ContigSearch(contig.codes, catalog, memos);
      search.scan(seg.ownStart, seg.ownEnd);
      if (seg.last) {
        const found = search.finalHsps();
        const s = search;
        hspsByContig[seg.contig] = found.map((h) => toBlastHit(h, contig.id, s.length, catalog));
        if (spacedIndex) {
          extraByContig[seg.contig] = findSensitiveHsps(s, catalog, spacedIndex, found, params).map((h) =>
            toBlastHit(h, contig.id, s.length, catalog),
          );
        }
        search = null;
      }
      progress.segmentsDone++;
      progress.basesDone += seg.ownEnd - seg.ownStart;
    }
    await checkpoint();
  }

  progress.phase = "resolving";
  report();
  const contigOrder = new Map(genome.contigs.map((c, i) => [c.id, i]));
  let genes = callGenes(hspsByContig, catalog, params);
  if (sensitive) {
    const allHits = hspsByContig.map((hits, i) => [...hits, ...extraByContig[i]]);
    const lengths = new Map(genome.contigs.map((c) => [c.id, c.codes.length]));
    genes = sensitiveCalls(genes, allHits, lengths, catalog, params);
  }
  sortCalls(genes, contigOrder);
  genes = annotateGenes(genes, genome.contigs, catalog);
  // Lengths of the contigs that carry a call, so a plot can place hits on a true scale.
  const withHits = new Set(genes.flatMap((g) => [g.contig, ...(g.pieces ?? []).map((p) => p.contig)]));
  const contigLengths = genome.contigs.filter((c) => withHits.has(c.id)).map((c) => ({ id: c.id, length: c.codes.length }));
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
