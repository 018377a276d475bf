// The allele call of a gene split across contigs (resfinder-sensitive): each piece is annotated on its own
// contig and the pieces' findings are pooled, so a change in a later piece is reported as one in the first.
import type { AlleleCall, GenePiece } from "../types";
import { annotateCall } from "./annotate-call";

/**
 * @param pieces the call's pieces, in reference order
 * @param contigOf a contig's codes (Contig.codes) by id
 */
export function annotateSplit(pieces: GenePiece[], reference: Uint8Array, contigOf: (id: string) => Uint8Array | undefined): AlleleCall | null {
  const alleles: AlleleCall[] = [];
  for (const piece of pieces) {
    const contig = contigOf(piece.contig);
    if (!contig) return null;
    // A piece's own identity is not kept; 100 only lets a perfect ungapped reading skip the alignment.
    alleles.push(annotateCall({ ...piece, identity: 100 }, reference, contig));
  }
  const first = alleles[0];
  // Pieces may overlap on the reference: a change seen in both is listed once.
  const pooled = (list: (a: AlleleCall) => string[]) => [...new Set(alleles.flatMap(list))];
  return {
    // The bases where the assembly breaks are unknown, so the whole is never more than partial.
    status: alleles.some((a) => a.status === "truncated") ? "truncated" : "partial",
    referenceStart: Math.min(...alleles.map((a) => a.referenceStart)),
    referenceEnd: Math.max(...alleles.map((a) => a.referenceEnd)),
    nucleotideChanges: pooled((a) => a.nucleotideChanges),
    aminoAcidChanges: first.aminoAcidChanges === null ? null : pooled((a) => a.aminoAcidChanges ?? []),
    frameshift: alleles.some((a) => a.frameshift),
    prematureStop: alleles.some((a) => a.prematureStop),
    // Counted from the start codon, a protein's length is known only when the first piece already stops it.
    proteinLength: first.prematureStop ? first.proteinLength : null,
    referenceProteinLength: first.referenceProteinLength,
  };
}
