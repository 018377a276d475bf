// Allele-level annotation of a finished call: exact allele, variant with its differences, partial, or
// truncated. It reads only the call (reference, contig region, strand) and the sequences, never the
// search's internals, so any model's calls can be annotated. Exact hits cost one comparison.
import { reverseComplement } from "../nucleotides";
import type { AlleleCall, AlleleStatus, GeneHit } from "../types";
import { alignToReference, seedDiagonals, type Alignment, type AlignmentOp } from "./alignment";
import { isCodingSequence } from "./genetic-code";
import { nucleotideDifferences, shiftGapsRight } from "./nucleotide-changes";
import { proteinDifferences } from "./protein-changes";

export type CallRegion = Pick<GeneHit, "start" | "end" | "strand" | "identity">;

/**
 * @param reference the reference's 2-bit codes (catalog)
 * @param contig the contig's codes (Contig.codes)
 */
export function annotateCall(call: CallRegion, reference: Uint8Array, contig: Uint8Array): AlleleCall {
  const forward = contig.subarray(call.start - 1, call.end);
  const query = call.strand === "-" ? reverseComplement(forward) : forward;
  const coding = isCodingSequence(reference);
  const referenceProteinLength = coding ? reference.length / 3 - 1 : null;
  if (sameBases(query, reference)) {
    return {
      status: "exact", referenceStart: 1, referenceEnd: reference.length, nucleotideChanges: [], aminoAcidChanges: coding ? [] : null,
      frameshift: false, prematureStop: false, proteinLength: referenceProteinLength, referenceProteinLength,
    };
  }
  const seeds = seedDiagonals(reference, query);
  const alignment = (seeds && seeds[0] === seeds[1] ? ungappedIfAsGood(reference, query, seeds[0], call.identity) : null) ?? alignToReference(reference, query, seeds);
  const ops = shiftGapsRight(reference, query, alignment);
  const nucleotides = nucleotideDifferences(reference, query, alignment.refStart, ops);
  const protein = coding ? proteinDifferences(reference, query, alignment.refStart, ops) : null;
  const whole = alignment.refStart === 0 && alignment.refEnd === reference.length;
  const truncated = protein !== null && (protein.prematureStop || protein.frameshift);
  const status: AlleleStatus = truncated ? "truncated" : !whole ? "partial" : nucleotides.changes.length > 0 ? "variant" : "exact";
  return {
    status,
    referenceStart: alignment.refStart + 1,
    referenceEnd: alignment.refEnd,
    nucleotideChanges: nucleotides.changes,
    aminoAcidChanges: protein?.changes ?? null,
    frameshift: protein?.frameshift ?? false,
    prematureStop: protein?.prematureStop ?? false,
    proteinLength: protein?.proteinLength ?? null,
    referenceProteinLength,
  };
}

/**
 * Most variants and partial hits differ by substitutions only: when every seed sits on one diagonal
 * and, base against base along it, the sequences are at least as identical as the call says its
 * (gapped) alignment was, no gap can do better and no alignment is needed.
 */
function ungappedIfAsGood(reference: Uint8Array, query: Uint8Array, offset: number, identity: number): Alignment | null {
  if (offset < 0 || offset + query.length > reference.length) return null;
  let same = 0;
  for (let i = 0; i < query.length; i++) if (query[i] === reference[offset + i] && query[i] < 4) same++;
  if ((same / query.length) * 100 < identity - 0.005) return null;
  return { refStart: offset, refEnd: offset + query.length, ops: new Array<AlignmentOp>(query.length).fill("M") };
}

/** Identical and unambiguous: an ambiguous base never counts as a match (as in the search). */
function sameBases(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] || a[i] > 3) return false;
  return true;
}
