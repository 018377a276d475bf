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
   * Sensitive model only: the gene is split across two contigs. `pieces` are its parts in reference order
   * (contig, start, end and strand above are the first piece's); coverage counts them all.
   */
  split?: true;
  pieces?: GenePiece[];
  /** Sensitive model only: a call the default model (resfinder-genes) does not make. */
  sensitiveOnly?: true;
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
  /** Upper-case ASCII IUPAC codes, line breaks removed. */
  sequence: Uint8Array;
}

export interface ParsedGenome {
  contigs: Contig[];
  bases: number;
  format: "fasta" | "fasta.gz";
}
