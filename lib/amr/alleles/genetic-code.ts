// The standard genetic code with the start codons of NCBI translation table 11 (bacteria, archaea and
// plastids). Codons are read from 2-bit codes (nucleotides.ts); any ambiguous base gives "X".

// Amino acids of codons in TCAG order (NCBI's table layout): index = 16*first + 4*second + third.
const TCAG_TABLE = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";
// nucleotides.ts codes are A=0 C=1 G=2 T=3; TCAG order puts them at T=0 C=1 A=2 G=3.
const TO_TCAG = [2, 1, 3, 0];

/** Table 11's alternative initiation codons; at position 1 each is read as methionine. */
const STARTS = new Set(["ATG", "GTG", "TTG", "CTG", "ATT", "ATC", "ATA"]);

const LETTERS = "ACGTN";

export const STOP = "*";

/** The amino acid of one codon, "X" when a base is ambiguous. */
export function translateCodon(a: number, b: number, c: number): string {
  if (a > 3 || b > 3 || c > 3) return "X";
  return TCAG_TABLE[16 * TO_TCAG[a] + 4 * TO_TCAG[b] + TO_TCAG[c]];
}

export function isStartCodon(a: number, b: number, c: number): boolean {
  return STARTS.has(LETTERS[Math.min(a, 4)] + LETTERS[Math.min(b, 4)] + LETTERS[Math.min(c, 4)]);
}

/**
 * Translates whole codons of an in-frame coding sequence; the first codon reads as M when it is a
 * table-11 start codon. Stops are kept as "*" (callers decide where the protein ends).
 */
export function translate(codes: ArrayLike<number>): string {
  let protein = "";
  for (let i = 0; i + 2 < codes.length; i += 3) {
    protein += i === 0 && isStartCodon(codes[0], codes[1], codes[2]) ? "M" : translateCodon(codes[i], codes[i + 1], codes[i + 2]);
  }
  return protein;
}

/**
 * Whether a reference reads as one open reading frame from its first base: whole codons, a table-11
 * start codon, a stop codon at the end and none before. Amino-acid changes are only meaningful then
 * (a few database entries are partial or carry extra bases).
 */
export function isCodingSequence(codes: ArrayLike<number>): boolean {
  if (codes.length < 6 || codes.length % 3 !== 0 || !isStartCodon(codes[0], codes[1], codes[2])) return false;
  const protein = translate(codes);
  return protein.indexOf(STOP) === protein.length - 1;
}

/** Letters of 2-bit codes, "N" for anything ambiguous. */
export function lettersOf(codes: ArrayLike<number>, from = 0, to = codes.length): string {
  let s = "";
  for (let i = from; i < to; i++) s += LETTERS[Math.min(codes[i], 4)];
  return s;
}
