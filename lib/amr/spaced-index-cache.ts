// The spaced-seed index of a catalog, built once per process and kept on disk beside the catalog cache
// (same directory, keyed by the same database checksum): building it is a fifth of a sensitive run on a
// 5 Mbp genome, reading it back a few milliseconds. Any problem with the file means a rebuild.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Catalog } from "./catalog";
import { catalogCacheDir } from "./catalog-cache";
import { buildSpacedIndex, fromKeyCounts, keyCounts, type SpacedIndex } from "./spaced-index";

const MAGIC = 0x53504931; // "SPI1"
const built = new WeakMap<Catalog, SpacedIndex>();

export function spacedIndexFor(catalog: Catalog, cacheDir: string | null = catalogCacheDir()): SpacedIndex {
  let index = built.get(catalog);
  if (index) return index;
  const file = cacheDir ? path.join(cacheDir, `amr-spaced-v1-${catalog.checksum.slice(0, 32)}.bin`) : null;
  if (file) {
    try {
      index = readIndex(file);
    } catch {
      // Missing or damaged: rebuilt below.
    }
  }
  if (!index) {
    index = buildSpacedIndex(catalog.refs.map((r) => r.codes));
    if (file) {
      try {
        writeIndex(file, index);
      } catch {
        // The cache is an optimisation; a read-only or full disk must not fail a prediction.
      }
    }
  }
  built.set(catalog, index);
  return index;
}

function writeIndex(file: string, index: SpacedIndex): void {
  const { keys, counts } = keyCounts(index);
  const head = new Int32Array([MAGIC, keys.length, index.occ.length]);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.concat([head, keys, counts, index.occ].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength))));
  renameSync(tmp, file);
}

function readIndex(file: string): SpacedIndex {
  const buf = readFileSync(file);
  // Typed-array views need 4-byte alignment of the underlying buffer.
  const bytes = buf.byteOffset % 4 === 0 ? buf : Buffer.from(Uint8Array.prototype.slice.call(buf));
  const view = (at: number, n: number) => new Int32Array(bytes.buffer, bytes.byteOffset + at * 4, n);
  const [magic, nKeys, nOcc] = view(0, 3);
  if (magic !== MAGIC || bytes.length !== (3 + 2 * nKeys + nOcc) * 4) throw new Error("not a spaced-seed index file");
  return fromKeyCounts(view(3, nKeys), view(3 + nKeys, nKeys), view(3 + 2 * nKeys, nOcc));
}
