// A gene-rich genome like a multi-resistant Klebsiella pneumoniae assembly: a chromosome-sized contig and
// two plasmid-like contigs carrying members of the big allele families (SHV, TEM, CTX-M, OXA, KPC, NDM,
// aac, aph, sul, tet, cat, dfr, qnr...). Each inserted copy carries 0–3 substitutions, as real alleles do,
// so hundreds of near-identical references align at every locus. The benchmark compares the engine with
// ResFinder on it; the truth only says which reference was inserted where.
import type { Catalog, Reference } from "../../lib/amr/catalog";
import { mulberry32, reverseComplement, wrap } from "./genome-generator";

export interface RichInsertion {
  refId: string;
  contig: string;
  start: number;
  end: number;
  strand: "+" | "-";
  substitutions: number;
}

export interface GeneRichGenome {
  fasta: string;
  insertions: RichInsertion[];
  bases: number;
}

/** Gene-name prefixes and how many distinct members of each family to insert. */
const FAMILIES: [string, number][] = [
  ["blaSHV-", 3], ["blaTEM-", 2], ["blaCTX-M-", 3], ["blaOXA-", 4], ["blaKPC-", 1], ["blaNDM-", 1],
  ["aac(6')-Ib", 1], ["aac(3)-II", 1], ["aph(3'')-Ib", 1], ["aph(6)-Id", 1], ["ant(3'')-Ia", 1],
  ["sul1", 1], ["sul2", 1], ["tet(A)", 1], ["tet(D)", 1], ["catA1", 1], ["catB3", 1],
  ["dfrA14", 1], ["dfrA12", 1], ["qnrB", 2], ["qnrS1", 1], ["OqxA", 1], ["OqxB", 1], ["fosA", 1],
  ["mph(A)", 1], ["ARR-3", 1], ["floR", 1],
];

const BASES = "ACGT";

export interface GeneRichOptions {
  seed: number;
  /** Length of the chromosome-like contig (5.3 Mbp by default). */
  chromosomeLength?: number;
  /** Lengths of the plasmid-like contigs (250 and 120 kbp by default). */
  plasmidLengths?: number[];
}

export function generateGeneRichGenome(catalog: Catalog, opts: GeneRichOptions): GeneRichGenome {
  const rand = mulberry32(opts.seed);
  const chromosomeLength = opts.chromosomeLength ?? 5_300_000;
  const plasmidLengths = opts.plasmidLengths ?? [250_000, 120_000];
  const genes = pickGenes(catalog, rand);
  // A third of the genes on the chromosome, the rest on the plasmids, as in real multi-resistant isolates.
  const contigs = [
    { name: "chromosome", length: chromosomeLength, genes: [] as Reference[] },
    ...plasmidLengths.map((length, i) => ({ name: `plasmid_${i + 1}`, length, genes: [] as Reference[] })),
  ];
  genes.forEach((g, i) => contigs[i % 3 === 0 || contigs.length === 1 ? 0 : 1 + (i % (contigs.length - 1))].genes.push(g));

  const insertions: RichInsertion[] = [];
  const records: string[] = [];
  let bases = 0;
  for (const contig of contigs) {
    const parts: string[] = [];
    let length = 0;
    const geneBases = contig.genes.reduce((n, g) => n + g.codes.length, 0);
    const spacer = Math.max(2000, Math.floor((contig.length - geneBases) / (contig.genes.length + 1)));
    for (const ref of contig.genes) {
      const background = randomBases(spacer, rand);
      parts.push(background);
      length += background.length;
      const seq = Array.from(ref.codes, (c) => (c > 3 ? "A" : BASES[c]));
      const subs = Math.floor(rand() * 4);
      for (let k = 0; k < subs; k++) {
        const at = 30 + Math.floor(rand() * (seq.length - 60));
        seq[at] = BASES[(BASES.indexOf(seq[at]) + 1 + Math.floor(rand() * 3)) % 4];
      }
      const minus = rand() < 0.5;
      const placed = minus ? reverseComplement(seq.join("")) : seq.join("");
      insertions.push({ refId: ref.refId, contig: contig.name, start: length + 1, end: length + placed.length, strand: minus ? "-" : "+", substitutions: subs });
      parts.push(placed);
      length += placed.length;
    }
    const tail = randomBases(Math.max(1000, contig.length - length), rand);
    parts.push(tail);
    length += tail.length;
    bases += length;
    records.push(`>${contig.name} synthetic gene-rich ${contig.name}\n${wrap(parts.join(""))}`);
  }
  return { fasta: records.join("\n") + "\n", insertions, bases };
}

function pickGenes(catalog: Catalog, rand: () => number): Reference[] {
  const chosen: Reference[] = [];
  const taken = new Set<string>();
  for (const [prefix, count] of FAMILIES) {
    // One reference per distinct sequence name, within the first class that lists it.
    const members = catalog.refs.filter((r) => r.refId.startsWith(prefix) && r.codes.length <= 3000 && !taken.has(r.refId));
    for (let k = 0; k < count && members.length > 0; k++) {
      const [ref] = members.splice(Math.floor(rand() * members.length), 1);
      taken.add(ref.refId);
      chosen.push(ref);
    }
  }
  return chosen;
}

function randomBases(n: number, rand: () => number): string {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = BASES[Math.floor(rand() * 4)];
  return out.join("");
}
