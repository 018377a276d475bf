// Nucleotide differences of an alignment in HGVS coding-DNA notation on reference positions (the
// references are coding sequences numbered from their first base): c.718A>G, c.100del,
// c.100_102del, c.100_101insACG. Indels are placed 3'-most, as HGVS asks, so a deletion inside a
// repeat gets one name however the aligner happened to place it.
import type { Alignment, AlignmentOp } from "./alignment";
import { lettersOf } from "./genetic-code";

export interface NucleotideDifferences {
  changes: string[];
  substitutions: number;
  insertedBases: number;
  deletedBases: number;
}

/** Moves every gap run right past the matching bases after it (HGVS's 3' rule); returns new ops. */
export function shiftGapsRight(ref: Uint8Array, query: Uint8Array, alignment: Alignment): AlignmentOp[] {
  const ops = [...alignment.ops];
  let r = alignment.refStart;
  let q = 0;
  let k = 0;
  while (k < ops.length) {
    if (ops[k] === "M") {
      r++;
      q++;
      k++;
      continue;
    }
    const kind = ops[k];
    let end = k;
    while (end < ops.length && ops[end] === kind) end++;
    // A deletion of ref[r..r+len) slides one base right when ref[r] equals the base matched after it.
    const len = end - k;
    const seq = kind === "D" ? ref : query;
    let at = kind === "D" ? r : q;
    while (end < ops.length && ops[end] === "M" && ref[kind === "D" ? r + len : r] === query[kind === "D" ? q : q + len] && seq[at] === seq[at + len] && seq[at] < 4) {
      ops[k] = "M";
      ops[end] = kind;
      k++;
      end++;
      r++;
      q++;
      at++;
    }
    if (kind === "D") r += len;
    else q += len;
    k = end;
  }
  return ops;
}

export function nucleotideDifferences(ref: Uint8Array, query: Uint8Array, refStart: number, ops: AlignmentOp[]): NucleotideDifferences {
  const out: NucleotideDifferences = { changes: [], substitutions: 0, insertedBases: 0, deletedBases: 0 };
  let r = refStart;
  let q = 0;
  let k = 0;
  while (k < ops.length) {
    const op = ops[k];
    if (op === "M") {
      if (ref[r] !== query[q] || ref[r] > 3) {
        out.changes.push(`c.${r + 1}${lettersOf(ref, r, r + 1)}>${lettersOf(query, q, q + 1)}`);
        out.substitutions++;
      }
      r++;
      q++;
      k++;
      continue;
    }
    let end = k;
    while (end < ops.length && ops[end] === op) end++;
    const len = end - k;
    if (op === "D") {
      out.changes.push(len === 1 ? `c.${r + 1}del` : `c.${r + 1}_${r + len}del`);
      out.deletedBases += len;
      r += len;
    } else {
      // Between reference bases r and r + 1 (1-based); at the very start of a hit, before its first base.
      out.changes.push(`c.${r}_${r + 1}ins${lettersOf(query, q, q + len)}`);
      out.insertedBases += len;
      q += len;
    }
    k = end;
  }
  return out;
}
