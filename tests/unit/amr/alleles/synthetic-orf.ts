// A seeded synthetic coding sequence with known codons at known places, and helpers to edit it, so
// each test's expected change follows from the edit it makes.
import { encode, reverseComplement } from "../../../../lib/amr/nucleotides";
import { mulberry32 } from "../../../helpers/genome-generator";

const SENSE = ["GCT", "CGT", "AAC", "TGC", "CAA", "GGC", "CAC", "ATC", "CTG", "ATG", "TTC", "CCG", "TCT", "ACC", "TGG", "TAC", "GTT"];

/** ATG, 199 sense codons (codons 40-42 are GAT TGG CAC = D W H, 50 CAG = Q, 60 AAA = K), then TAA: 600 bases, 199 residues. */
export function syntheticOrf(seed = 7): string {
  const rand = mulberry32(seed);
  const codons = ["ATG"];
  for (let c = 2; c <= 199; c++) codons.push(SENSE[Math.floor(rand() * SENSE.length)]);
  codons.push("TAA");
  codons[40 - 1] = "GAT";
  codons[41 - 1] = "TGG";
  codons[42 - 1] = "CAC";
  codons[50 - 1] = "CAG";
  codons[60 - 1] = "AAA";
  return codons.join("");
}

/** Codon n (1-based) replaced. */
export function withCodon(orf: string, n: number, codon: string): string {
  return orf.slice(0, 3 * (n - 1)) + codon + orf.slice(3 * n);
}

/** Bases [from, to) (0-based) replaced by `insert`. */
export function spliced(seq: string, from: number, to: number, insert = ""): string {
  return seq.slice(0, from) + insert + seq.slice(to);
}

export const codes = (s: string) => encode(Buffer.from(s, "latin1"));

/** The ASCII reverse complement, as a gene on the minus strand appears in a contig. */
export function reverseComplementText(s: string): string {
  return Buffer.from(Array.from(reverseComplement(codes(s)), (c) => "ACGTN".charCodeAt(c))).toString("latin1");
}

/**
 * A contig holding `gene` between random flanks, as a call on it: the gene's 1-based span and the
 * identity the search reported (100 by default: annotation then always aligns).
 */
export function inContig(gene: string, strand: "+" | "-", seed = 3, identity = 100): { contig: Uint8Array; start: number; end: number; strand: "+" | "-"; identity: number } {
  const rand = mulberry32(seed);
  const flank = (n: number) => Array.from({ length: n }, () => "ACGT"[Math.floor(rand() * 4)]).join("");
  const placed = strand === "-" ? reverseComplementText(gene) : gene;
  const left = flank(150);
  const text = left + placed + flank(170);
  return { contig: codes(text), start: left.length + 1, end: left.length + placed.length, strand, identity };
}
