import type { AmrResult } from "./types";

/** Resistant antibiotics grouped by class, each with the genes behind it. */
export function PhenotypeSummary({ result }: { result: AmrResult }) {
  const resistant = result.phenotypes.filter((p) => p.phenotype === "Resistant");
  const susceptible = result.phenotypes.filter((p) => p.phenotype !== "Resistant");
  const byClass = new Map<string, typeof resistant>();
  for (const p of resistant) byClass.set(p.class, [...(byClass.get(p.class) ?? []), p]);
  const classes = [...byClass.entries()].sort(([a], [b]) => a.localeCompare(b));
  const geneName = new Map(result.genes.map((g) => [g.refId, g.gene]));

  return (
    <section aria-labelledby="pheno-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="pheno-title" className="text-base font-semibold">Predicted resistance</h2>
        <p className="text-sm text-slate-600" data-testid="resistance-count">
          <span className="font-semibold text-rose-700">{resistant.length}</span> of {result.phenotypes.length} antibiotics resistant
        </p>
      </div>
      {resistant.length === 0 ? (
        <p className="mt-4 rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900" data-testid="no-resistance">
          No acquired resistance gene was found, so no resistance is predicted. Chromosomal point mutations are not assessed.
        </p>
      ) : (
        <div className="mt-4 grid gap-3 sm:grid-cols-2">
          {classes.map(([cls, rows]) => (
            <div key={cls} className="rounded-lg border border-rose-200 bg-rose-50/60 p-3" data-testid="resistant-class">
              <h3 className="text-sm font-semibold capitalize text-rose-900">{cls}</h3>
              <ul className="mt-2 space-y-1 text-sm">
                {rows
                  .sort((a, b) => a.antibiotic.localeCompare(b.antibiotic))
                  .map((p) => (
                    <li key={p.antibiotic} className="flex flex-wrap items-baseline justify-between gap-x-3">
                      <span className="capitalize text-slate-900">{p.antibiotic}</span>
                      <span className="text-xs text-slate-600">
                        {[...new Set(p.genes.map((g) => geneName.get(g) ?? g))].join(", ")}
                      </span>
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {susceptible.length > 0 && (
        <details className="mt-4 text-sm">
          <summary className="cursor-pointer text-slate-600">
            No resistance detected for {susceptible.length} antibiotics
          </summary>
          <p className="mt-2 leading-relaxed text-slate-600">
            {susceptible.map((p) => p.antibiotic).sort().join(", ")}
          </p>
        </details>
      )}
    </section>
  );
}
