// Random sequences and the edits that separate alleles of one family, for the aligner's property tests.

/** n random bases from `rnd`. */
export function randomBases(n: number, rnd: () => number): string {
  return Array.from({ length: n }, () => "ACGT"[Math.floor(rnd() * 4)]).join("");
}

/** `edits` point edits: substitutions mostly, deletions and insertions of 1–4 bases, and N. */
export function mutate(s: string, edits: number, rnd: () => number): string {
  let q = s;
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * q.length);
    const kind = rnd();
    const base = "ACGT"[Math.floor(rnd() * 4)];
    if (kind < 0.6) q = q.slice(0, at) + base + q.slice(at + 1);
    else if (kind < 0.75) q = q.slice(0, at) + q.slice(at + 1 + Math.floor(rnd() * 4));
    else if (kind < 0.9) q = q.slice(0, at) + base.repeat(1 + Math.floor(rnd() * 4)) + q.slice(at);
    else q = q.slice(0, at) + "N" + q.slice(at + 1);
  }
  return q;
}
