// One row per antibiotic of the database, in ResFinder's pheno_table.txt order: resistant when any
// called gene lists the antibiotic in phenotypes.txt.
import type { Catalog } from "./catalog";
import type { GeneHit, PhenotypeRow } from "./types";

export function derivePhenotypes(catalog: Pick<Catalog, "antibioticRows">, genes: readonly GeneHit[]): PhenotypeRow[] {
  return catalog.antibioticRows.map(({ antibiotic, class: cls }) => {
    const behind = [...new Set(genes.filter((g) => g.antibiotics.includes(antibiotic)).map((g) => g.refId))];
    return { antibiotic, class: cls, phenotype: behind.length > 0 ? "Resistant" : "No resistance detected", genes: behind };
  });
}
