import { describe, expect, it } from "vitest";
import { encode, reverseComplement } from "../../../lib/amr/nucleotides";
import { extend } from "../../../lib/amr/xdrop-align";
import { mulberry32 } from "../../helpers/genome-generator";
import { mutate } from "../../helpers/sequence-edits";
import { referenceExtend } from "../../helpers/xdrop-reference";

const enc = (s: string) => encode(Buffer.from(s));
const rand = mulberry32(7);
const random = (n: number) => Array.from({ length: n }, () => "ACGT"[Math.floor(rand() * 4)]).join("");

/** Extends rightwards from the start of both strings. */
function right(q: string, r: string) {
  return extend(enc(q), 0, q.length, enc(r), 0, r.length, 1);
}

describe("X-drop extension with megablast scores", () => {
  it("aligns identical sequences end to end", () => {
    const s = random(300);
    expect(right(s + random(50), s)).toMatchObject({ qLen: 300, rLen: 300, nident: 300, alnLen: 300, gaps: 0, score: 600 });
  });

  it("counts substitutions as mismatches in identity", () => {
    const r = random(200);
    const q = r.slice(0, 50) + (r[50] === "A" ? "C" : "A") + r.slice(51, 120) + (r[120] === "G" ? "T" : "G") + r.slice(121);
    expect(right(q, r)).toMatchObject({ rLen: 200, qLen: 200, nident: 198, alnLen: 200, gaps: 0 });
  });

  it("opens a gap for a deletion in the query: aligned length keeps the reference's, coverage loses the gap", () => {
    const r = random(200);
    const q = r.slice(0, 100) + r.slice(102);
    const ext = right(q, r);
    expect(ext).toMatchObject({ rLen: 200, qLen: 198, nident: 198, alnLen: 200, gaps: 2 });
    // ResFinder: coverage = (alignment length - gaps) / reference length.
    expect((ext.alnLen - ext.gaps) / 200).toBe(0.99);
  });

  it("opens a gap for an insertion in the query without losing coverage", () => {
    const r = random(200);
    const q = r.slice(0, 100) + "A" + r.slice(100);
    const ext = right(q, r);
    expect(ext).toMatchObject({ rLen: 200, qLen: 201, nident: 200, alnLen: 201, gaps: 1 });
    expect(ext.alnLen - ext.gaps).toBe(200);
  });

  it("stops before a mismatch near the end unless three matches follow it", () => {
    const r = random(100);
    const flip = (c: string) => (c === "A" ? "C" : "A");
    const twoAfter = r.slice(0, 97) + flip(r[97]) + r.slice(98);
    expect(right(twoAfter, r)).toMatchObject({ rLen: 97, nident: 97 });
    const threeAfter = r.slice(0, 96) + flip(r[96]) + r.slice(97);
    expect(right(threeAfter, r)).toMatchObject({ rLen: 100, nident: 99 });
  });

  it("treats IUPAC codes as mismatches", () => {
    const r = random(100);
    const q = r.slice(0, 40) + "N" + r.slice(41);
    expect(right(q, r)).toMatchObject({ rLen: 100, nident: 99 });
  });

  it("gives up after an unrelated stretch (X-drop)", () => {
    const r = random(100) + random(300);
    const q = r.slice(0, 100) + random(300);
    const ext = right(q, r);
    expect(ext.rLen).toBeGreaterThanOrEqual(100);
    expect(ext.rLen).toBeLessThan(130);
  });

  it("extends leftwards from a position", () => {
    const s = random(120);
    const q = enc(random(30) + s);
    const r = enc(s);
    expect(extend(q, 149, 150, r, 119, 120, -1)).toMatchObject({ rLen: 120, qLen: 120, nident: 120 });
  });
});

describe("steady rows skipped on runs of matches", () => {
  // Repeats make off-diagonal runs of matches, where ties and X-drop edge cells are decided.
  const repetitive = (n: number, rnd: () => number) => {
    let s = "";
    while (s.length < n) {
      const r = rnd();
      if (r < 0.1) s += "A".repeat(2 + Math.floor(rnd() * 10));
      else if (r < 0.2) s += s.slice(-Math.min(s.length, 5 + Math.floor(rnd() * 40)));
      else s += "ACGT"[Math.floor(rnd() * 4)];
    }
    return s.slice(0, n);
  };

  it("gives the result of the plain DP (every row computed) on 600 seeded cases", () => {
    const rnd = mulberry32(99);
    for (let c = 0; c < 600; c++) {
      const n = 50 + Math.floor(rnd() * 900);
      const r = c % 3 === 0 ? repetitive(n, rnd) : Array.from({ length: n }, () => "ACGT"[Math.floor(rnd() * 4)]).join("");
      const q = mutate(r, Math.floor(rnd() * (c % 2 ? 4 : 40)), rnd) + (c % 4 === 0 ? r.slice(0, 60) : random(Math.floor(rnd() * 80)));
      const qe = enc(q);
      const re = enc(r);
      expect(extend(qe, 0, qe.length, re, 0, re.length, 1), `case ${c}`).toEqual(referenceExtend(qe, 0, qe.length, re, 0, re.length, 1));
      const qf = qe.length - 1;
      expect(extend(qe, qf, qe.length, re, re.length - 1, re.length, -1), `case ${c} leftwards`).toEqual(
        referenceExtend(qe, qf, qe.length, re, re.length - 1, re.length, -1),
      );
    }
  });
});

describe("reading the query's reverse complement in place", () => {
  it("gives what extending the materialised reverse complement gives, both ways, on 200 seeded cases", () => {
    const rnd = mulberry32(31);
    let long = 0;
    for (let c = 0; c < 200; c++) {
      const gene = Array.from({ length: 100 + Math.floor(rnd() * 600) }, () => "ACGT"[Math.floor(rnd() * 4)]).join("");
      const carried = gene.replace(/./g, (b) => (rnd() < 0.05 ? "ACGTN"[Math.floor(rnd() * 5)] : b));
      const after = random(Math.floor(rnd() * 200));
      const fwd = enc(random(Math.floor(rnd() * 200)) + carried + after);
      const rc = reverseComplement(fwd);
      // The reference is the gene's reverse complement: it aligns on the contig's minus strand, from
      // position after.length of the reverse complement on (mostly; now and then from a random point).
      const r = reverseComplement(enc(gene));
      const len = fwd.length;
      const rp = Math.floor(rnd() * r.length);
      const p = c % 5 === 0 ? Math.floor(rnd() * len) : after.length + rp;
      expect(extend(fwd, len - 1 - p, len - p, r, rp, r.length - rp, 1, null, true), `case ${c} rightwards`).toEqual(
        extend(rc, p, len - p, r, rp, r.length - rp, 1),
      );
      expect(extend(fwd, len - 1 - p, p + 1, r, rp, rp + 1, -1, null, true), `case ${c} leftwards`).toEqual(extend(rc, p, p + 1, r, rp, rp + 1, -1));
      if (extend(rc, p, len - p, r, rp, r.length - rp, 1).rLen > 50) long++;
    }
    // Most cases are real alignments along the gene, not a few random bases.
    expect(long).toBeGreaterThan(100);
  });
});

