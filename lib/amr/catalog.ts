// The ResFinder database loaded once per process: references, their classes and phenotypes, and the
// k-mer index over them, also cached on disk (catalog-cache.ts) keyed by the database checksum.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseAntibioticClasses, parseConfig, parseFsa, parsePhenotypes, splitRefId, type DbClass } from "./catalog-files";
import { catalogCacheDir, readCatalogCache, writeCatalogCache } from "./catalog-cache";
import { buildKmerIndex, type KmerIndex } from "./kmer-index";
import { encode } from "./nucleotides";

export type { DbClass } from "./catalog-files";

export interface Reference {
  /** Position in Catalog.refs. */
  index: number;
  refId: string;
  gene: string;
  variant: string;
  accession: string;
  /** Position of its class in Catalog.classes; the same sequence in two files is two references. */
  classIndex: number;
  /** Codes 0..4 (see nucleotides.ts). */
  codes: Uint8Array;
  antibiotics: string[];
}

export interface Catalog {
  dbDir: string;
  /** sha256 over the files read, so callers can tell two databases apart. */
  checksum: string;
  classes: DbClass[];
  refs: Reference[];
  /** (antibiotic, class) rows in ResFinder's pheno_table.txt order. */
  antibioticRows: { antibiotic: string; class: string }[];
  index: KmerIndex;
}

export const DEFAULT_DB_DIR = "/usr/share/resfinder/db";

const cache = new Map<string, Catalog>();

export function defaultDbDir(): string {
  return process.env.AMR_DB_DIR ?? DEFAULT_DB_DIR;
}

/** Loads (once per process and directory) the database at dbDir, default AMR_DB_DIR or /usr/share/resfinder/db. */
export async function loadCatalog(dbDir: string = defaultDbDir()): Promise<Catalog> {
  const key = path.resolve(dbDir);
  let catalog = cache.get(key);
  if (!catalog) {
    catalog = buildCatalog(key);
    cache.set(key, catalog);
  }
  return catalog;
}

/**
 * Reads the database files, then either the on-disk cache matching their checksum or a fresh build
 * (which then refreshes the cache). cacheDir null disables the cache.
 */
export function buildCatalog(dbDir: string, cacheDir: string | null = catalogCacheDir()): Catalog {
  if (!existsSync(dbDir) || !statSync(dbDir).isDirectory()) {
    throw new Error(`ResFinder database not found at ${dbDir}: install the Debian package resfinder-db or set AMR_DB_DIR.`);
  }
  const hash = createHash("sha256");
  // Bytes kept as read: they are decoded only when the cache misses and the catalog is parsed.
  const files = new Map<string, Buffer>();
  const read = (name: string): Buffer => {
    const file = path.join(dbDir, name);
    if (!existsSync(file)) throw new Error(`ResFinder database at ${dbDir} is incomplete: ${name} is missing.`);
    const bytes = readFileSync(file);
    hash.update(name).update(bytes);
    files.set(name, bytes);
    return bytes;
  };
  const classes = parseConfig(read("config").toString("utf8"));
  read("antibiotic_classes.txt");
  read("phenotypes.txt");
  for (const cls of classes) read(`${cls.prefix}.fsa`);
  const checksum = hash.digest("hex");
  if (cacheDir) {
    try {
      const cached = readCatalogCache(cacheDir, checksum, dbDir);
      if (cached) return cached;
    } catch {
      // A damaged cache file is rebuilt below.
    }
  }
  const catalog = parseCatalog(dbDir, checksum, classes, (name) => files.get(name)!.toString("utf8"));
  if (cacheDir) {
    try {
      writeCatalogCache(cacheDir, catalog);
    } catch {
      // The cache is an optimisation; a read-only or full disk must not fail a prediction.
    }
  }
  return catalog;
}

function parseCatalog(dbDir: string, checksum: string, classes: DbClass[], read: (name: string) => string): Catalog {
  const classesOf = parseAntibioticClasses(read("antibiotic_classes.txt"));
  const phenotypes = parsePhenotypes(read("phenotypes.txt"), classesOf);
  const antibioticsByName = new Map<string, string[]>();
  for (const [id, abs] of phenotypes.antibioticsOf) antibioticsByName.set(nameAccKey(id), abs);

  const refs: Reference[] = [];
  classes.forEach((cls, classIndex) => {
    for (const rec of parseFsa(read(`${cls.prefix}.fsa`))) {
      const parts = splitRefId(rec.refId);
      refs.push({
        index: refs.length,
        refId: rec.refId,
        ...parts,
        classIndex,
        codes: encode(Buffer.from(rec.sequence, "latin1")),
        // ResFinder looks phenotypes up by gene_accession; the full id is the same key without the variant.
        antibiotics: phenotypes.antibioticsOf.get(rec.refId) ?? antibioticsByName.get(nameAccKey(rec.refId)) ?? [],
      });
    }
  });
  return {
    dbDir,
    checksum,
    classes,
    refs,
    antibioticRows: phenotypes.rows,
    index: buildKmerIndex(refs.map((r) => r.codes)),
  };
}

function nameAccKey(refId: string): string {
  const { gene, accession } = splitRefId(refId);
  return `${gene}_${accession}`;
}
