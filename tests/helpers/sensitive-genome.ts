// Genomes for the sensitive model, each insert with the call it must (or must not) produce:
// - "diverged": a gene at 80–90 % identity with no 28-base exact run (differences every 27 bases at
//   most, mostly on codon third positions, as between homologous coding genes);
// - "close": at 90–100 % identity, which both models must call alike;
// - "far": at about 75 % identity, below the threshold: nothing may be reported;
// - "half": an exact half gene (50 % coverage): nothing may be reported;
// - "split": a gene cut across the end of one contig and the start of another (either strand, the
//   contigs not necessarily adjacent in the file): one call, coverage over both pieces.
// References come from uniqueReferences (no 16-mer shared with any other), so no rival allele competes.
import type { Catalog } from "../../lib/amr/catalog";
import { mulberry32, reverseComplement, uniqueReferences, wrap } from "./genome-generator";

export type SensitiveKind = "diverged" | "close" | "far" | "half" | "split";

export interface SensitiveInsert {
  kind: SensitiveKind;
  refId: string;
  /** Identity of the inserted copy to its reference, in percent (substitutions only). */
  identity: number;
  /** Longest run of bases identical to the reference. */
  longestRun: number;
  /** Where it lies: one piece, or two for a split gene (in reference order). */
  pieces: { contig: string; start: number; end: number; strand: "+" | "-" }[];
}

export interface SensitiveGenome {
  fasta: string;
  inserts: SensitiveInsert[];
}

const BASES = "ACGT";

export function generateSensitiveGenome(catalog: Catalog, seed: number, perKind = 4, contigCount = 6): SensitiveGenome {
  const rand = mulberry32(seed);
  const pool = uniqueReferences(catalog).filter((r) => r.codes.length >= 500 && r.codes.length <= 2000);
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  let next = 0;
  const contigs: string[][] = Array.from({ length: contigCount }, () => []);
  const names = contigs.map((_, i) => `ctg${i + 1}`);
  const lengthOf = (c: number) => contigs[c].reduce((n, s) => n + s.length, 0);
  const inserts: SensitiveInsert[] = [];
  const background = (n: number) => Array.from({ length: n }, () => BASES[Math.floor(rand() * 4)]).join("");

  const kinds: SensitiveKind[] = ["diverged", "close", "far", "half"];
  for (const kind of kinds) {
    for (let k = 0; k < perKind; k++) {
      const ref = pool[next++];
      const refSeq = Array.from(ref.codes, (c) => BASES[c]).join("");
      const target = kind === "diverged" ? 0.81 + rand() * 0.08 : kind === "close" ? 0.9 + rand() * 0.09 : kind === "far" ? 0.75 : 1;
      const mutated = diverge(refSeq, target, kind === "diverged" ? 27 : 1000, rand);
      const body = kind === "half" ? mutated.seq.slice(0, Math.floor(refSeq.length / 2)) : mutated.seq;
      const minus = rand() < 0.5;
      const c = (inserts.length + k) % contigCount;
      contigs[c].push(background(300 + Math.floor(rand() * 700)));
      const start = lengthOf(c) + 1;
      contigs[c].push(minus ? reverseComplement(body) : body);
      inserts.push({ kind, refId: ref.refId, identity: mutated.identity, longestRun: mutated.longestRun, pieces: [{ contig: names[c], start, end: start + body.length - 1, strand: minus ? "-" : "+" }] });
    }
  }
  for (const c of contigs.keys()) contigs[c].push(background(500));
  // Split genes: the head ends contig a, the tail starts contig b (b != a), on either strand.
  const bOffset = 1 + Math.floor(rand() * (contigCount - 1));
  for (let k = 0; k < Math.min(perKind, contigCount); k++) {
    const ref = pool[next++];
    const refSeq = Array.from(ref.codes, (x) => BASES[x]).join("");
    const cut = Math.floor(refSeq.length * (0.3 + rand() * 0.4));
    // Each contig ends with at most one head and starts with at most one tail.
    const a = k % contigCount;
    const b = (a + bOffset) % contigCount;
    const minus = rand() < 0.5;
    const head = refSeq.slice(0, cut);
    const tail = refSeq.slice(cut);
    let pieces: SensitiveInsert["pieces"];
    if (!minus) {
      // ...contig a ends with the head; contig b starts with the tail.
      const aStart = lengthOf(a) + 1;
      contigs[a].push(head);
      contigs[b].unshift(tail);
      shiftInserts(inserts, names[b], tail.length);
      pieces = [{ contig: names[a], start: aStart, end: aStart + head.length - 1, strand: "+" }, { contig: names[b], start: 1, end: tail.length, strand: "+" }];
    } else {
      // Reverse strand: contig b starts with the reverse complement of the head, contig a ends with that of the tail.
      const aStart = lengthOf(a) + 1;
      contigs[a].push(reverseComplement(tail));
      contigs[b].unshift(reverseComplement(head));
      shiftInserts(inserts, names[b], head.length);
      pieces = [{ contig: names[b], start: 1, end: head.length, strand: "-" }, { contig: names[a], start: aStart, end: aStart + tail.length - 1, strand: "-" }];
    }
    inserts.push({ kind: "split", refId: ref.refId, identity: 100, longestRun: refSeq.length, pieces });
  }
  const fasta = contigs.map((parts, i) => `>${names[i]}\n${wrap(parts.join(""))}\n`).join("");
  return { fasta, inserts };
}

function shiftInserts(inserts: SensitiveInsert[], contig: string, by: number): void {
  for (const ins of inserts) {
    for (const p of ins.pieces) {
      if (p.contig === contig) {
        p.start += by;
        p.end += by;
      }
    }
  }
}

/**
 * Substitutions to reach `identity`, leaving no identical run longer than maxRun; the random ones keep
 * the first and last 12 bases intact, so the alignment reaches the gene's ends. Differences go to codon third positions
 * first, then anywhere.
 */
function diverge(ref: string, identity: number, maxRun: number, rand: () => number): { seq: string; identity: number; longestRun: number } {
  const n = ref.length;
  const wanted = Math.round(n * (1 - identity));
  const chosen = new Set<number>();
  const inner = (i: number) => i >= 12 && i < n - 12;
  // Mostly third positions, every fifth one anywhere, spread at random...
  let guard = 0;
  while (chosen.size < wanted && guard++ < 100 * n) {
    const i = rand() < 0.8 ? 3 * Math.floor(rand() * (n / 3)) + 2 : Math.floor(rand() * n);
    if (inner(i)) chosen.add(i);
  }
  // ...then one more on a third position wherever an identical run would grow longer than maxRun (up to
  // 4 bases from the end: a difference followed by 3 matches still ends the alignment at the gene's end).
  let last = -1;
  for (let i = 0; i < n - 4; i++) {
    if (chosen.has(i)) last = i;
    else if (i - last >= maxRun - 2 && i >= 12 && i % 3 === 2) {
      chosen.add(i);
      last = i;
    }
  }
  const seq = ref.split("");
  for (const i of chosen) seq[i] = BASES[(BASES.indexOf(ref[i]) + 1 + Math.floor(rand() * 3)) % 4];
  let run = 0;
  let longestRun = 0;
  let same = 0;
  for (let i = 0; i < n; i++) {
    if (seq[i] === ref[i]) {
      same++;
      longestRun = Math.max(longestRun, ++run);
    } else run = 0;
  }
  return { seq: seq.join(""), identity: Math.round((same / n) * 10000) / 100, longestRun };
}
