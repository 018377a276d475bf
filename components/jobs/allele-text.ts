// What the job page says about an allele call: the badge's label and the tooltip's lines.
import type { AlleleCall, AlleleStatus } from "@/lib/amr/types";

export const STATUS_LABELS: Record<AlleleStatus, string> = {
  exact: "exact allele",
  variant: "novel variant",
  partial: "partial",
  truncated: "truncated",
};

const STATUS_MEANINGS: Record<AlleleStatus, string> = {
  exact: "100 % identical over the whole reference.",
  variant: "The whole reference is present, with differences: a new or unlisted allele.",
  partial: "Only part of the reference is present (a contig end or a broken assembly).",
  truncated: "The protein is cut short and may not confer resistance.",
};

const MAX_LISTED = 12;

function listed(changes: string[]): string {
  if (changes.length <= MAX_LISTED) return changes.join(", ");
  return `${changes.slice(0, MAX_LISTED).join(", ")} and ${changes.length - MAX_LISTED} more (see the downloads)`;
}

/**
 * Lines of the badge's tooltip for one allele. A gene split across contigs (resfinder-sensitive) is partial
 * however much of it the pieces hold: the bases where the assembly breaks are never seen.
 */
export function describeAllele(allele: AlleleCall, split = false): string[] {
  const lines = [split && allele.status === "partial" ? "Split across two contigs: the pieces are read apart, and the bases where the assembly breaks are not seen." : STATUS_MEANINGS[allele.status]];
  // A truncated hit usually spans the whole reference; its protein length says more.
  if (allele.status === "partial" || allele.proteinLength === null) {
    lines.push(`Reference bases ${allele.referenceStart}–${allele.referenceEnd}${split ? ", over the pieces together" : ""}.`);
  }
  if (allele.frameshift) lines.push("Frameshift.");
  if (allele.prematureStop) lines.push("Premature stop codon.");
  if (allele.proteinLength !== null && allele.referenceProteinLength !== null && allele.proteinLength !== allele.referenceProteinLength) {
    lines.push(`Protein ${allele.proteinLength} of ${allele.referenceProteinLength} residues.`);
  }
  if (allele.aminoAcidChanges?.length) lines.push(`Protein: ${listed(allele.aminoAcidChanges)}`);
  if (allele.nucleotideChanges.length) lines.push(`DNA: ${listed(allele.nucleotideChanges)}`);
  return lines;
}
