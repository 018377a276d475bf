// Shapes shared by the engine, its CLI, its worker and the jobs/web code. Keep them JSON-serialisable.

export interface AmrParams {
  modelName: string;
  batchSize: number;
  segmentLength: number;
  segmentOverlap: number;
  useCpu: boolean;
  /** Minimum identity of a hit, in percent (ResFinder's effective default: 80). */
  minIdentity: number;
  /** Minimum coverage of the reference, in percent (ResFinder's effective default: 60). */
  minCoverage: number;
}

export type Strand = "+" | "-";

export interface GeneHit {
  /** The database id, the FASTA header of the reference, e.g. "blaTEM-1B_1_AY458016". */
  refId: string;
  gene: string;
  accession: string;
  /** The ResFinder section the reference comes from, e.g. "Beta-lactam". */
  class: string;
  contig: string;
  /** 1-based, inclusive, start < end, on the forward strand of the contig. */
  start: number;
  end: number;
  strand: Strand;
  identity: number;
  coverage: number;
  alignmentLength: number;
  referenceLength: number;
  antibiotics: string[];
  /**
   * How the genome's sequence differs from the reference allele (lib/amr/alleles). Absent from results
   * computed before allele calls existed.
   */
  allele?: AlleleCall;
  /**
   * Sensitive model only: the gene is split across two contigs. `pieces` are its parts in reference order
   * (contig, start, end and strand above are the first piece's); coverage counts them all.
   */
  split?: true;
  pieces?: GenePiece[];
  /** Sensitive model only: a call the default model (resfinder-genes) does not make. */
  sensitiveOnly?: true;
}

/**
 * exact: 100 % identity over the whole reference. variant: the whole reference with differences (a
 * novel or unlisted allele). partial: only part of the reference is present (contig end, broken
 * assembly). truncated: a premature stop codon or an unrestored frameshift, so the protein is cut
 * short and may not confer resistance.
 */
export type AlleleStatus = "exact" | "variant" | "partial" | "truncated";

export interface AlleleCall {
  status: AlleleStatus;
  /** 1-based, inclusive span of the reference the hit covers. */
  referenceStart: number;
  referenceEnd: number;
  /** HGVS coding-DNA notation on reference positions: "c.718A>G", "c.100_102del", "c.100_101insACG". */
  nucleotideChanges: string[];
  /**
   * One-letter protein changes, residues numbered from the start codon: "D240G", "Q150*", "K23del",
   * "K23_L25del", "K23_L24insA", "K23_L25delinsNS", "S120fs" (the first codon whose frame is lost).
   * Null when the reference is not one open reading frame (start codon, whole codons, a single stop at
   * the end), so no frame can be trusted.
   */
  aminoAcidChanges: string[] | null;
  /** The reading frame is shifted and not restored before a stop codon or the end of the hit. */
  frameshift: boolean;
  /** The genome's protein stops before the reference's stop codon. */
  prematureStop: boolean;
  /** Residues before the first stop in the genome's own frame, when the hit covers the start codon. */
  proteinLength: number | null;
  /** Residues of the reference protein (without its stop); null when the reference is not coding. */
  referenceProteinLength: number | null;
}

export interface GenePiece {
  contig: string;
  start: number;
  end: number;
  strand: Strand;
}

export type Phenotype = "Resistant" | "No resistance detected";

export interface PhenotypeRow {
  antibiotic: string;
  class: string;
  phenotype: Phenotype;
  /** refIds of the gene hits behind a "Resistant" call. */
  genes: string[];
}

export interface AmrResult {
  /** The model that produced the result (resfinder-genes, resfinder-sensitive). */
  model: string;
  /** contigLengths (optional, for plots) lists only the contigs that carry a hit. */
  input: { contigs: number; bases: number; contigLengths?: { id: string; length: number }[] };
  genes: GeneHit[];
  phenotypes: PhenotypeRow[];
}

export interface EngineProgress {
  phase: string;
  segmentsDone: number;
  segmentsTotal: number;
  basesDone: number;
  basesTotal: number;
}

export interface Contig {
  id: string;
  description: string;
  /** The bases as search codes 0..4 (nucleotides.ts: A C G T(U), anything else 4), line breaks removed. */
  codes: Uint8Array;
}

export interface ParsedGenome {
  contigs: Contig[];
  bases: number;
  format: "fasta" | "fasta.gz";
}
