// 2-bit nucleotide codes shared by the catalog, the index and the aligner. Anything but A/C/G/T(/U) is
// AMBIGUOUS and never matches, which is how BLAST scores IUPAC codes against real bases.

export const AMBIGUOUS = 4;

export const ENCODE = new Uint8Array(256).fill(AMBIGUOUS);
for (const [c, v] of [["A", 0], ["C", 1], ["G", 2], ["T", 3], ["U", 3]] as const) {
  ENCODE[c.charCodeAt(0)] = v;
  ENCODE[c.toLowerCase().charCodeAt(0)] = v;
}

/** ASCII (any case) -> codes 0..4. */
export function encode(ascii: Uint8Array): Uint8Array {
  const out = new Uint8Array(ascii.length);
  for (let i = 0; i < ascii.length; i++) out[i] = ENCODE[ascii[i]];
  return out;
}

/** Code -> code of the complementary base. */
export const COMPLEMENT = new Uint8Array([3, 2, 1, 0, AMBIGUOUS]);
/** Code -> itself: COMPLEMENT's twin, for code that reads either strand through a table. */
export const SAME_CODE = new Uint8Array([0, 1, 2, 3, AMBIGUOUS]);

/** Reverse complement of an encoded sequence; ambiguous stays ambiguous. */
export function reverseComplement(codes: Uint8Array): Uint8Array {
  const out = new Uint8Array(codes.length);
  for (let i = 0, j = codes.length - 1; j >= 0; i++, j--) out[i] = COMPLEMENT[codes[j]];
  return out;
}
