// On-disk copy of a built catalog, keyed by the database checksum. Loading it skips parsing and index
// building (about 70 ms of a 0.35 s CLI run on a 5.6 Mbp genome). Any problem reading it means a rebuild.
import { mkdirSync, readdirSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Catalog, Reference } from "./catalog";

// v2: the k-mer index also keys every k-mer by its reverse complement. v3: and has a small first filter.
const FORMAT = "amr-catalog-v3";

/** AMR_CACHE_DIR, "off" (or empty) to disable; default a directory under the system temp dir. */
export function catalogCacheDir(): string | null {
  const dir = process.env.AMR_CACHE_DIR;
  if (dir === undefined) return path.join(tmpdir(), "amr-predictor-catalog");
  return dir === "" || dir === "off" ? null : dir;
}

function cacheFile(dir: string, checksum: string): string {
  return path.join(dir, `${FORMAT}-${checksum.slice(0, 32)}.bin`);
}

interface Meta {
  format: string;
  checksum: string;
  dbDir: string;
  classes: Catalog["classes"];
  antibioticRows: Catalog["antibioticRows"];
  refs: [string, string, string, string, number, number, string[]][];
  shift: number;
  lengths: number[];
}

export function writeCatalogCache(dir: string, catalog: Catalog): void {
  const { index } = catalog;
  const codes = new Uint8Array(catalog.refs.reduce((n, r) => n + r.codes.length, 0));
  let at = 0;
  for (const r of catalog.refs) {
    codes.set(r.codes, at);
    at += r.codes.length;
  }
  const arrays = [index.filter, index.presence, index.slotKeys, index.slotStart, index.slotEnd, index.occRef, index.occPos];
  const meta: Meta = {
    format: FORMAT,
    checksum: catalog.checksum,
    dbDir: catalog.dbDir,
    classes: catalog.classes,
    antibioticRows: catalog.antibioticRows,
    refs: catalog.refs.map((r) => [r.refId, r.gene, r.variant, r.accession, r.classIndex, r.codes.length, r.antibiotics]),
    shift: index.shift,
    lengths: arrays.map((a) => a.length),
  };
  const json = Buffer.from(JSON.stringify(meta));
  const head = Buffer.alloc(8);
  head.writeUInt32LE(json.length, 0);
  const pad = Buffer.alloc((4 - ((8 + json.length) % 4)) % 4);
  const parts = [head, json, pad, ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)), Buffer.from(codes.buffer)];
  mkdirSync(dir, { recursive: true });
  const file = cacheFile(dir, catalog.checksum);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat(parts));
  renameSync(tmp, file);
  removeSuperseded(dir);
}

/**
 * Deletes cache files an earlier format of this program wrote (each 13–22 MB, and nothing else ever
 * reads them again). Files of other checksums stay: another database may share the directory.
 */
function removeSuperseded(dir: string): void {
  for (const name of readdirSync(dir)) {
    const match = /^(amr-catalog-v\d+)-[0-9a-f]{32}\.bin$/.exec(name);
    if (!match || match[1] === FORMAT) continue;
    try {
      unlinkSync(path.join(dir, name));
    } catch {
      // Another process removed it, or may not: either way this one's cache is written.
    }
  }
}

export async function readCatalogCache(dir: string, checksum: string, dbDir: string): Promise<Catalog | null> {
  let buf: Buffer;
  try {
    // Read off the main thread: most of a cached load is this file's 20 MB.
    buf = await readFile(cacheFile(dir, checksum));
  } catch {
    return null;
  }
  // Typed-array views need 4-byte alignment of the underlying buffer.
  const bytes = buf.byteOffset % 4 === 0 ? buf : Buffer.from(Uint8Array.prototype.slice.call(buf));
  const jsonLength = bytes.readUInt32LE(0);
  const meta = JSON.parse(bytes.subarray(8, 8 + jsonLength).toString("utf8")) as Meta;
  if (meta.format !== FORMAT || meta.checksum !== checksum) return null;
  let offset = bytes.byteOffset + 8 + jsonLength;
  offset += (4 - (offset % 4)) % 4;
  const take = <T>(make: (b: ArrayBuffer, o: number, n: number) => T, n: number, width: number): T => {
    const view = make(bytes.buffer as ArrayBuffer, offset, n);
    offset += n * width;
    return view;
  };
  const [filter, presence, slotKeys, slotStart, slotEnd, occRef, occPos] = [
    ...meta.lengths.slice(0, 2).map((n) => take((b, o, len) => new Uint32Array(b, o, len), n, 4)),
    ...meta.lengths.slice(2).map((n) => take((b, o, len) => new Int32Array(b, o, len), n, 4)),
  ] as [Uint32Array, Uint32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];
  const total = meta.refs.reduce((n, r) => n + r[5], 0);
  const codes = take((b, o, n) => new Uint8Array(b, o, n), total, 1);
  let at = 0;
  const refs: Reference[] = meta.refs.map(([refId, gene, variant, accession, classIndex, length, antibiotics], index) => {
    const ref = { index, refId, gene, variant, accession, classIndex, codes: codes.subarray(at, at + length), antibiotics };
    at += length;
    return ref;
  });
  return {
    dbDir,
    checksum,
    classes: meta.classes,
    refs,
    antibioticRows: meta.antibioticRows,
    index: { filter, presence, slotKeys, slotStart, slotEnd, shift: meta.shift, occRef, occPos },
  };
}
