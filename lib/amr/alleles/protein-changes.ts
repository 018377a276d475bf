// Amino-acid consequences of an alignment against a coding reference, codon by codon in the
// reference's frame: substitutions (D240G), a premature stop (Q150*), in-frame deletions, insertions
// and delins (K23del, K23_L24insA, K23_L25delinsNS) and frameshifts (S120fs, at the first codon
// whose frame is lost). An indel that leaves the frame open opens a block of codons; the block
// closes, and reads as an in-frame change, once the frame is restored. The genome's own reading
// frame is translated alongside, so the stop codon a frameshift runs into is found.
import type { AlignmentOp } from "./alignment";
import { STOP, translate, translateCodon } from "./genetic-code";

export interface ProteinDifferences {
  changes: string[];
  /** The reading frame is shifted, and not restored before a stop codon or the end of the hit. */
  frameshift: boolean;
  /** The genome's protein stops before the reference's stop codon. */
  prematureStop: boolean;
  /** Residues before the first stop, when the hit covers the start codon; else null. */
  proteinLength: number | null;
}

interface Block {
  /** First reference codon of the block. */
  start: number;
}

export function proteinDifferences(ref: Uint8Array, query: Uint8Array, refStart: number, ops: AlignmentOp[]): ProteinDifferences {
  const refProtein = translate(ref);
  const lastCodon = refProtein.length - 1;
  const qAt = queryStarts(ref.length, refStart, ops);
  const refEnd = refStart + ops.filter((op) => op !== "I").length;
  const out: ProteinDifferences = { changes: [], frameshift: false, prematureStop: false, proteinLength: null };
  const firstCodon = Math.ceil(refStart / 3);
  // The genome's coding bases run on from the first whole codon; its codons are read off them in turn.
  const frameStart = qAt[3 * firstCodon];
  let residues = 0;
  let shift = 0; // genome bases minus reference bases so far
  let block: Block | null = null; // codons whose frame is lost or whose length changed
  let pending: (Block & { end: number }) | null = null; // a closed block, merged with an adjacent one
  const emitPending = () => {
    if (pending) out.changes.push(...describeBlock(refProtein, pending.start, pending.end, query.subarray(qAt[3 * pending.start], qAt[3 * pending.end + 3]), firstCodon === 0 && pending.start === 0));
    pending = null;
  };
  for (let c = firstCodon; 3 * c + 3 <= refEnd; c++) {
    const from = qAt[3 * c];
    const to = qAt[3 * c + 3];
    const length = to - from;
    let stopHere = false;
    while (!stopHere && frameStart + 3 * residues + 3 <= to) {
      const i = frameStart + 3 * residues;
      stopHere = (residues === 0 && firstCodon === 0 ? translate(query.subarray(i, i + 3)) : translateCodon(query[i], query[i + 1], query[i + 2])) === STOP;
      if (!stopHere) residues++;
    }
    shift += length - 3;
    if (!block && length === 3) {
      emitPending();
      const aa = c === 0 ? translate(query.subarray(from, to)) : translateCodon(query[from], query[from + 1], query[from + 2]);
      if (aa !== refProtein[c] && refProtein[c] !== "X") out.changes.push(`${refProtein[c]}${c + 1}${aa}`);
      if (stopHere) {
        out.prematureStop = c !== lastCodon;
        break;
      }
      continue;
    }
    if (!block) {
      block = { start: pending ? pending.start : c };
      pending = null;
    }
    if (shift % 3 === 0) {
      pending = { start: block.start, end: c };
      block = null;
      if (stopHere) {
        const aas = translate(query.subarray(qAt[3 * pending.start], to));
        out.prematureStop = !(c === lastCodon && aas.indexOf(STOP) === aas.length - 1);
        break;
      }
    } else if (stopHere) {
      out.prematureStop = true;
      break;
    }
  }
  emitPending();
  if (block) {
    out.changes.push(`${refProtein[block.start]}${block.start + 1}fs`);
    out.frameshift = true;
  }
  if (firstCodon === 0) out.proteinLength = residues;
  return out;
}

/**
 * Where each reference position's bases start in the query (length ref + 1): a deleted position has
 * none, and an insertion belongs to the reference base before it, so position r's bases are
 * query[at[r] .. at[r + 1]).
 */
function queryStarts(refLength: number, refStart: number, ops: AlignmentOp[]): Int32Array {
  const at = new Int32Array(refLength + 1);
  let r = refStart;
  let q = 0;
  for (const op of ops) {
    if (op === "I") {
      q++;
      continue;
    }
    // Bases inserted before the first reference base belong to no codon: q has passed them.
    at[r] = q;
    r++;
    if (op === "M") q++;
  }
  for (let k = r; k <= refLength; k++) at[k] = q;
  return at;
}

/** Reference codons start..end against the genome's in-frame bases, trimmed to what differs. */
function describeBlock(refProtein: string, start: number, end: number, bases: ArrayLike<number>, atStart: boolean): string[] {
  const was = refProtein.slice(start, end + 1);
  const now = atStart ? translate(bases) : translate([0, 0, 0, ...Array.from(bases)]).slice(1);
  let p = 0;
  while (p < was.length && p < now.length && was[p] === now[p]) p++;
  let s = 0;
  while (s < was.length - p && s < now.length - p && was[was.length - 1 - s] === now[now.length - 1 - s]) s++;
  const lost = was.slice(p, was.length - s);
  const gained = now.slice(p, now.length - s);
  const a = start + p; // first changed reference codon, 0-based
  const b = start + was.length - s - 1; // last one
  const name = (i: number) => `${refProtein[i]}${i + 1}`;
  if (lost.length === 0 && gained.length === 0) return [];
  if (lost.length === 0) return a > 0 && a < refProtein.length ? [`${name(a - 1)}_${name(a)}ins${gained}`] : [`${name(Math.min(a, refProtein.length - 1))}delins${gained}`];
  const span = a === b ? name(a) : `${name(a)}_${name(b)}`;
  if (gained.length === 0) return [`${span}del`];
  if (lost.length === 1 && gained.length === 1) return [`${span}${gained}`];
  return [`${span}delins${gained}`];
}
