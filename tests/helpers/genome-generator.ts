// Deterministic synthetic genomes: database genes inserted into random background on both strands with
// substitutions, small indels, truncations and contig breaks, each with the call it must produce.
// Mutations stay apart from each other and from the ends so the best alignment, hence the expected
// identity and coverage, follow from the edits alone.
import type { Catalog, Reference } from "../../lib/amr/catalog";
import { K, findSlot } from "../../lib/amr/kmer-index";
import { seededRandom } from "../../lib/seeded-random";

export interface Insertion {
  refId: string;
  contig: string;
  /** 1-based, forward strand. */
  start: number;
  end: number;
  strand: "+" | "-";
  identity: number;
  coverage: number;
  alignmentLength: number;
  /** Whether ResFinder's rules report it (coverage >= 60 and identity >= 80). */
  called: boolean;
  kind: string;
  /** The edits made, for the allele call: substituted bases, the indel's length (0: none), the reference span kept. */
  edits: { substitutions: number; indelLength: number; refFrom: number; refTo: number };
}

export interface GeneratedGenome {
  fasta: string;
  insertions: Insertion[];
  bases: number;
}

export interface GeneratorOptions {
  seed: number;
  contigs: number;
  /** Approximate length of each contig; 0 for genes and short spacers only. */
  contigLength: number;
  genesPerContig: number;
}

const BASES = "ACGT";

// The engine tests and genome helpers import it from here under its algorithm's name.
export const mulberry32 = seededRandom;

/**
 * References sharing no 16-mer, on either strand, with any other reference, so no rival allele can
 * compete with them. (Either strand: blaBKC_1_KP689347 is the reverse complement of blaBKC-1_1_KP689347.)
 */
export function uniqueReferences(catalog: Catalog): Reference[] {
  let unique = uniqueCache.get(catalog);
  if (!unique) uniqueCache.set(catalog, (unique = findUniqueReferences(catalog)));
  return [...unique];
}

const uniqueCache = new WeakMap<Catalog, Reference[]>();

function findUniqueReferences(catalog: Catalog): Reference[] {
  const sharesKmer = (codes: ArrayLike<number>, self: number) => {
    for (let p = 0; p + K <= codes.length; p++) {
      let kmer = 0;
      for (let i = 0; i < K; i++) kmer = ((kmer << 2) | codes[p + i]) >>> 0;
      const slot = findSlot(catalog.index, kmer);
      if (slot < 0) continue;
      for (let o = catalog.index.slotStart[slot]; o < catalog.index.slotEnd[slot]; o++) {
        if (catalog.index.occRef[o] !== self) return true;
      }
    }
    return false;
  };
  return catalog.refs.filter((ref) => {
    if (ref.codes.some((c) => c > 3) || ref.codes.length > 3000) return false;
    const rc = Array.from(ref.codes, (c) => 3 - c).reverse();
    return !sharesKmer(ref.codes, ref.index) && !sharesKmer(rc, ref.index);
  });
}

export function generateGenome(catalog: Catalog, opts: GeneratorOptions): GeneratedGenome {
  const rand = mulberry32(opts.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const randomBases = (n: number) => Array.from({ length: n }, () => BASES[Math.floor(rand() * 4)]).join("");
  // Each reference at most once: ResFinder pools the pieces of one reference found on one contig.
  const pool = uniqueReferences(catalog);
  let drawn = 0;
  const nextRef = () => {
    const i = drawn + Math.floor(rand() * (pool.length - drawn));
    [pool[drawn], pool[i]] = [pool[i], pool[drawn]];
    return pool[drawn++];
  };
  const insertions: Insertion[] = [];
  const records: string[] = [];
  let bases = 0;
  let carry: string | null = null; // second half of a gene broken across two contigs
  for (let c = 0; c < opts.contigs; c++) {
    const name = `contig_${c + 1}`;
    let seq = "";
    if (carry) {
      seq += carry;
      carry = null;
    }
    for (let g = 0; g < opts.genesPerContig; g++) {
      seq += randomBases(200 + Math.floor(rand() * 800));
      const ref = nextRef();
      const refSeq = Array.from(ref.codes, (x) => BASES[x]).join("");
      const kind = pick(["exact", "substitutions", "deletion", "insertion", "truncated", "low-identity"] as const);
      const edit = editGene(refSeq, kind, rand);
      const minus = rand() < 0.5;
      const placed = minus ? reverseComplement(edit.seq) : edit.seq;
      // On the minus strand the reference's 3' end faces the contig's start.
      const flankL = guardFlank(refSeq, minus ? edit.refTo : edit.refFrom, minus, "left", rand);
      const flankR = guardFlank(refSeq, minus ? edit.refFrom : edit.refTo, minus, "right", rand);
      seq += flankL;
      const start = seq.length + 1;
      seq += placed;
      insertions.push({
        refId: ref.refId, contig: name, start, end: seq.length, strand: minus ? "-" : "+",
        identity: round2((edit.nident / edit.alnLen) * 100), coverage: round2(((edit.alnLen - edit.gaps) / refSeq.length) * 100),
        alignmentLength: edit.alnLen, called: (edit.nident / edit.alnLen) * 100 >= 80 && ((edit.alnLen - edit.gaps) / refSeq.length) * 100 >= 60, kind,
        edits: { substitutions: edit.substitutions, indelLength: edit.indelLength, refFrom: edit.refFrom, refTo: edit.refTo },
      });
      seq += flankR;
    }
    // Background up to the requested contig length (0: just the genes and their spacers).
    seq += randomBases(Math.max(300, opts.contigLength - seq.length - 2000));
    if (c < opts.contigs - 1) {
      // Break an exact gene across this contig's end and the next contig's start.
      const ref = nextRef();
      const refSeq = Array.from(ref.codes, (x) => BASES[x]).join("");
      const cut = Math.floor(refSeq.length * (0.25 + rand() * 0.5));
      const flank = guardFlank(refSeq, 0, false, "left", rand);
      seq += flank;
      const start = seq.length + 1;
      seq += refSeq.slice(0, cut);
      const cov1 = (cut / refSeq.length) * 100;
      const cov2 = ((refSeq.length - cut) / refSeq.length) * 100;
      insertions.push({
        refId: ref.refId, contig: name, start, end: seq.length, strand: "+", identity: 100, coverage: round2(cov1), alignmentLength: cut, called: cov1 >= 60, kind: "break-head",
        edits: { substitutions: 0, indelLength: 0, refFrom: 0, refTo: cut },
      });
      insertions.push({
        refId: ref.refId, contig: `contig_${c + 2}`, start: 1, end: refSeq.length - cut, strand: "+", identity: 100, coverage: round2(cov2), alignmentLength: refSeq.length - cut, called: cov2 >= 60, kind: "break-tail",
        edits: { substitutions: 0, indelLength: 0, refFrom: cut, refTo: refSeq.length },
      });
      carry = refSeq.slice(cut) + guardFlank(refSeq, refSeq.length, false, "right", rand);
    }
    bases += seq.length;
    records.push(`>${name} synthetic contig ${c + 1}\n${wrap(seq)}`);
  }
  return { fasta: records.join("\n") + "\n", insertions, bases };
}

interface Edited {
  seq: string;
  /** Reference span kept, [refFrom, refTo). */
  refFrom: number;
  refTo: number;
  nident: number;
  alnLen: number;
  gaps: number;
  substitutions: number;
  indelLength: number;
}

function editGene(ref: string, kind: string, rand: () => number): Edited {
  const L = ref.length;
  let refFrom = 0;
  let refTo = L;
  if (kind === "truncated") {
    const keep = 0.4 + rand() * 0.5;
    refFrom = Math.floor(rand() * (1 - keep) * L);
    refTo = refFrom + Math.floor(keep * L);
  }
  const span = ref.slice(refFrom, refTo);
  const n = span.length;
  // Substitutions 12 bases apart at least and 8 from the ends; one indel in the middle for indel kinds;
  // a clean 40-base window keeps the 28-base exact seed BLAST (and the engine) need.
  const rate = kind === "substitutions" ? 0.03 : kind === "low-identity" ? 0.12 : kind === "exact" ? 0 : 0.01;
  const indelAt = kind === "deletion" || kind === "insertion" ? Math.floor(n / 2) : -1;
  const indelLen = indelAt >= 0 ? 1 + Math.floor(rand() * 3) : 0;
  const mutated = span.split("");
  let subs = 0;
  let lastSub = -100;
  for (let i = 8; i < n - 8; i++) {
    if (i - lastSub < (kind === "low-identity" ? 5 : 12) || Math.abs(i - indelAt) < 12 || Math.abs(i - Math.floor(n / 4)) < 20) continue;
    if (rand() < rate) {
      mutated[i] = BASES[(BASES.indexOf(span[i]) + 1 + Math.floor(rand() * 3)) % 4];
      subs++;
      lastSub = i;
    }
  }
  let seq = mutated.join("");
  let alnLen = n;
  let gaps = 0;
  let nident = n - subs;
  if (kind === "deletion") {
    seq = seq.slice(0, indelAt) + seq.slice(indelAt + indelLen);
    gaps = indelLen;
    nident -= indelLen;
  } else if (kind === "insertion") {
    // Inserted bases differ from their neighbours so the gap cannot slide into a mismatch.
    const ins = Array.from({ length: indelLen }, (_, k) => BASES[(BASES.indexOf(span[indelAt]) + 1 + k) % 4]).join("");
    seq = seq.slice(0, indelAt) + ins + seq.slice(indelAt);
    gaps = indelLen;
    alnLen += indelLen;
  }
  return { seq, refFrom, refTo, nident, alnLen, gaps, substitutions: subs, indelLength: indelLen };
}

/**
 * Background next to a gene, built outward from it. Each base differs from the reference bases the
 * alignment could reach on its own diagonal or one gap away, so the alignment stops at the gene's edge.
 */
function guardFlank(ref: string, refEdge: number, minus: boolean, side: "left" | "right", rand: () => number): string {
  const flank: string[] = [];
  // Walking away from the gene, the reference position moves down on the left of a + copy and the
  // right of a - copy, up otherwise.
  const down = (side === "left") !== minus;
  for (let k = 0; k < 8; k++) {
    const avoid = new Set<string>();
    for (const shift of [-1, 0, 1]) {
      const refPos = down ? refEdge - 1 - k + shift : refEdge + k + shift;
      if (refPos < 0 || refPos >= ref.length) continue;
      avoid.add(minus ? complement(ref[refPos]) : ref[refPos]);
    }
    const choices = BASES.split("").filter((b) => !avoid.has(b));
    flank.push(choices[Math.floor(rand() * choices.length)]);
  }
  if (side === "left") flank.reverse();
  return flank.join("");
}

function complement(b: string): string {
  return { A: "T", C: "G", G: "C", T: "A" }[b] ?? "N";
}

/** The reverse complement of an upper-case sequence (anything but ACGT pairs with N). */
export function reverseComplement(s: string): string {
  let out = "";
  for (let i = s.length - 1; i >= 0; i--) out += complement(s[i]);
  return out;
}

/** FASTA lines of 70 bases. */
export function wrap(seq: string): string {
  return seq.replace(/(.{70})/g, "$1\n").replace(/\n$/, "");
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
