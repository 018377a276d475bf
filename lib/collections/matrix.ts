// The cohort views of a collection, computed from its members' stored results. Pure: the
// results are read elsewhere (member-results.ts), so this is unit-tested on hand-made input.
import type { AmrResult } from "@/lib/amr/types";

/** What one genome contributes: its resistant antibiotics (with gene names) and its genes. */
export interface GenomeCalls {
  /** Every antibiotic the result rated, resistant or not (the matrix's columns are their union). */
  antibiotics: { name: string; class: string; genes: string[] | null }[];
  /** One entry per gene name: the best identity among its hits. */
  genes: { name: string; class: string; identity: number }[];
}

export interface MatrixMemberInput {
  id: string;
  name: string;
  status: string;
  progress: number;
}

export interface MatrixRow {
  jobId: string;
  name: string;
  status: string;
  /** Antibiotic column index → the genes behind the resistance call (absent: not detected). */
  resistant: Record<number, string[]>;
  /** Gene column index → best identity in percent (absent: not found). */
  identity: Record<number, number>;
}

export interface CollectionMatrix {
  counts: { total: number; completed: number; failed: number; running: number; cancelled: number };
  /** Every member with its state, for the progress view while jobs run. */
  members: MatrixMemberInput[];
  /** Antibiotic classes in column order (also the order behind the class colours). */
  classes: string[];
  /** Columns, grouped by class, then by name; `resistant` counts the genomes resistant to it. */
  antibiotics: { name: string; class: string; resistant: number }[];
  genes: { name: string; class: string; present: number }[];
  /** One row per member with readable results. */
  rows: MatrixRow[];
  /** Finished members whose result files could not be read (missing from storage). */
  unreadable: { jobId: string; name: string }[];
  /** Members removed by the retention purge: gone from the matrix, named here. */
  purged: { jobId: string; name: string; purgedAt: string }[];
}

/** The per-genome summary of one stored result. */
export function summariseResult(result: AmrResult): GenomeCalls {
  const geneName = new Map(result.genes.map((g) => [g.refId, g.gene]));
  const best = new Map<string, { name: string; class: string; identity: number }>();
  for (const g of result.genes) {
    const seen = best.get(g.gene);
    if (!seen || g.identity > seen.identity) best.set(g.gene, { name: g.gene, class: g.class, identity: g.identity });
  }
  return {
    antibiotics: result.phenotypes.map((p) => ({
      name: p.antibiotic,
      class: p.class,
      genes: p.phenotype === "Resistant" ? [...new Set(p.genes.map((id) => geneName.get(id) ?? id))].sort() : null,
    })),
    genes: [...best.values()],
  };
}

const byClassThenName = (a: { class: string; name: string }, b: { class: string; name: string }) =>
  a.class.localeCompare(b.class) || a.name.localeCompare(b.name);

const FAILED = new Set(["Error"]);
const DONE = new Set(["Completed", "Archived"]);

/**
 * Builds every view. `calls` has an entry for each finished member: its summary, or null when
 * its results could not be read. Rows keep the members' order.
 */
export function buildMatrix(
  members: readonly MatrixMemberInput[],
  calls: ReadonlyMap<string, GenomeCalls | null>,
  purged: readonly { jobId: string; name: string; purgedAt: string }[] = [],
): CollectionMatrix {
  const antibioticClass = new Map<string, string>();
  const geneClass = new Map<string, string>();
  for (const c of calls.values()) {
    for (const a of c?.antibiotics ?? []) if (!antibioticClass.has(a.name)) antibioticClass.set(a.name, a.class);
    for (const g of c?.genes ?? []) if (!geneClass.has(g.name)) geneClass.set(g.name, g.class);
  }
  const antibiotics = [...antibioticClass].map(([name, cls]) => ({ name, class: cls, resistant: 0 })).sort(byClassThenName);
  const genes = [...geneClass].map(([name, cls]) => ({ name, class: cls, present: 0 })).sort(byClassThenName);
  const abIndex = new Map(antibiotics.map((a, i) => [a.name, i]));
  const geneIndex = new Map(genes.map((g, i) => [g.name, i]));

  const rows: MatrixRow[] = [];
  const unreadable: CollectionMatrix["unreadable"] = [];
  for (const m of members) {
    if (!calls.has(m.id)) continue;
    const c = calls.get(m.id);
    if (!c) {
      unreadable.push({ jobId: m.id, name: m.name });
      continue;
    }
    const row: MatrixRow = { jobId: m.id, name: m.name, status: m.status, resistant: {}, identity: {} };
    for (const a of c.antibiotics) {
      if (!a.genes) continue;
      const i = abIndex.get(a.name)!;
      row.resistant[i] = a.genes;
      antibiotics[i].resistant += 1;
    }
    for (const g of c.genes) {
      const i = geneIndex.get(g.name)!;
      row.identity[i] = g.identity;
      genes[i].present += 1;
    }
    rows.push(row);
  }

  return {
    counts: {
      total: members.length,
      completed: members.filter((m) => DONE.has(m.status)).length,
      failed: members.filter((m) => FAILED.has(m.status)).length,
      cancelled: members.filter((m) => m.status === "Cancelled").length,
      running: members.filter((m) => m.status === "Submitted" || m.status === "Processing").length,
    },
    members: [...members],
    classes: [...new Set(antibiotics.map((a) => a.class))],
    antibiotics,
    genes,
    rows,
    unreadable,
    purged: [...purged],
  };
}
