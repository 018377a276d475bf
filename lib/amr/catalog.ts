// The ResFinder database loaded once per process: references, their classes and phenotypes, and the
// k-mer index over them, also cached on disk (catalog-cache.ts) keyed by the database checksum.
import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
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

const cache = new Map<string, Promise<Catalog>>();

export function defaultDbDir(): string {
  return process.env.AMR_DB_DIR ?? DEFAULT_DB_DIR;
}

/**
 * Loads (once per process and directory) the database at dbDir, default AMR_DB_DIR or /usr/share/resfinder/db.
 * Its files are read off the main thread, so a caller can start this and parse a genome meanwhile: the
 * promise may be awaited late, as a rejection of it is never reported as unhandled (see the catch below).
 */
export function loadCatalog(dbDir: string = defaultDbDir()): Promise<Catalog> {
  const key = path.resolve(dbDir);
  let catalog = cache.get(key);
  if (!catalog) {
    catalog = buildCatalog(key);
    cache.set(key, catalog);
    // A failed load is not kept: the next call tries again (e.g. once the package is installed).
    catalog.catch(() => cache.delete(key));
  }
  return catalog;
}

/**
 * Reads the database files, then either the on-disk cache matching their checksum or a fresh build
 * (which then refreshes the cache). cacheDir null disables the cache.
 */
export async function buildCatalog(dbDir: string, cacheDir: string | null = catalogCacheDir()): Promise<Catalog> {
  if (!existsSync(dbDir) || !statSync(dbDir).isDirectory()) {
    throw new Error(`ResFinder database not found at ${dbDir}: install the Debian package resfinder-db or set AMR_DB_DIR.`);
  }
  const read = async (name: string): Promise<Buffer> => {
    try {
      return await readFile(path.join(dbDir, name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`ResFinder database at ${dbDir} is incomplete: ${name} is missing.`);
      throw err;
    }
  };
  const config = await read("config");
  const classes = parseConfig(config.toString("utf8"));
  const names = ["antibiotic_classes.txt", "phenotypes.txt", ...classes.map((cls) => `${cls.prefix}.fsa`)];
  // Bytes kept as read: they are decoded only when the cache misses and the catalog is parsed.
  const files = new Map<string, Buffer>([["config", config], ...(await readAll(names, read))]);
  const hash = createHash("sha256");
  for (const [name, bytes] of files) hash.update(name).update(bytes);
  const checksum = hash.digest("hex");
  if (cacheDir) {
    try {
      const cached = await readCatalogCache(cacheDir, checksum, dbDir);
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

/** Every file read at once; the first missing one (in `names` order) is the one reported. */
async function readAll(names: string[], read: (name: string) => Promise<Buffer>): Promise<[string, Buffer][]> {
  const reads = names.map((name) => read(name));
  const settled = await Promise.allSettled(reads);
  return settled.map((r, i) => {
    if (r.status === "rejected") throw r.reason;
    return [names[i], r.value];
  });
}

function nameAccKey(refId: string): string {
  const { gene, accession } = splitRefId(refId);
  return `${gene}_${accession}`;
}
