// Parsers for the ResFinder database files, each reproducing how ResFinder 4.3 reads them (docs/resfinder.md §2).

export interface DbClass {
  /** File prefix, e.g. "beta-lactam". */
  prefix: string;
  /** ResFinder's section title, e.g. "Beta-lactam" or "Fluoroquinolone". */
  name: string;
  description: string;
}

export interface FsaRecord {
  refId: string;
  sequence: string;
}

/** `config`: tab-separated prefix, name, description; '#' lines are comments. */
export function parseConfig(text: string): DbClass[] {
  const classes: DbClass[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [prefix, name = prefix, description = name] = line.split("\t").map((f) => f.trim());
    classes.push({ prefix, name, description });
  }
  return classes;
}

/** `.fsa`: the id is the header's first word, which drops the trailing spaces 296 headers carry. */
export function parseFsa(text: string): FsaRecord[] {
  const records: FsaRecord[] = [];
  let id: string | null = null;
  let parts: string[] = [];
  const flush = () => {
    if (id !== null) records.push({ refId: id, sequence: parts.join("").toUpperCase() });
  };
  for (const raw of text.split(/\r?\n/)) {
    if (raw.startsWith(">")) {
      flush();
      id = raw.slice(1).trim().split(/\s+/)[0];
      parts = [];
    } else if (id !== null) {
      parts.push(raw.replace(/\s+/g, ""));
    }
  }
  flush();
  return records;
}

/** ResFinder splits ids on "_": name, variant, then the accession, which may itself hold underscores. */
export function splitRefId(refId: string): { gene: string; variant: string; accession: string } {
  const f = refId.split("_");
  if (f.length < 2) return { gene: f[0], variant: "", accession: "" };
  return { gene: f[0], variant: f[1], accession: f.slice(2).join("_") };
}

/** `antibiotic_classes.txt`, lower-cased: antibiotic -> the classes whose row names it. */
export function parseAntibioticClasses(text: string): Map<string, string[]> {
  const classesOf = new Map<string, string[]>();
  for (const raw of text.split("\n")) {
    if (raw.startsWith("#")) continue;
    const line = raw.trimEnd().toLowerCase();
    if (!line) continue;
    const [cls, ...antibiotics] = line.split("\t");
    for (const ab of antibiotics) {
      const list = classesOf.get(ab) ?? [];
      list.push(cls);
      classesOf.set(ab, list);
    }
  }
  return classesOf;
}

export interface PhenotypeTable {
  /** Full database id -> antibiotics (lower case) as ResFinder attributes them. */
  antibioticsOf: Map<string, string[]>;
  /** Every (class, antibiotic) pair in first-seen order: the row order of ResFinder's pheno_table.txt. */
  rows: { antibiotic: string; class: string }[];
}

/** `phenotypes.txt` as PhenoDB.load_acquired_db reads it: column 3 only; "unknown"/"none" lists mean none. */
export function parsePhenotypes(text: string, classesOf: Map<string, string[]>): PhenotypeTable {
  const antibioticsOf = new Map<string, string[]>();
  const byClass = new Map<string, Set<string>>();
  const lines = text.split("\n").slice(1);
  for (const raw of lines) {
    if (raw.startsWith("#")) continue;
    const fields = raw.trimEnd().split("\t").map((f) => f.trimEnd());
    if (fields.length < 3 || !fields[0]) continue;
    let listed = fields[2].toLowerCase().split(",").filter((s) => s !== "").map((s) => s.trim());
    if (listed.includes("unknown") || listed.includes("none")) listed = [];
    const antibiotics: string[] = [];
    for (const ab of listed) {
      const classes = ab === "see notes" ? undefined : classesOf.get(ab);
      if (!classes) continue;
      antibiotics.push(ab);
      for (const cls of classes) {
        const set = byClass.get(cls) ?? new Set<string>();
        set.add(ab);
        byClass.set(cls, set);
      }
    }
    // Two ids have two rows; ResFinder keeps both phenotypes, so their antibiotics add up.
    const previous = antibioticsOf.get(fields[0]) ?? [];
    antibioticsOf.set(fields[0], [...new Set([...previous, ...antibiotics])]);
  }
  const rows = [...byClass].flatMap(([cls, abs]) => [...abs].map((antibiotic) => ({ antibiotic, class: cls })));
  return { antibioticsOf, rows };
}
