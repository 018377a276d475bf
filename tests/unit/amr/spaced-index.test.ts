import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { loadCatalog, type Catalog } from "../../../lib/amr/catalog";
import { encode } from "../../../lib/amr/nucleotides";
import { buildSpacedIndex, forEachSpacedKey, fromKeyCounts, keyCounts, keyRank, occPos, occRef, occurrencesOf } from "../../../lib/amr/spaced-index";
import { spacedIndexFor } from "../../../lib/amr/spaced-index-cache";
import { mulberry32 } from "../../helpers/genome-generator";

const rand = mulberry32(5);
const random = (n: number) => Array.from({ length: n }, () => "ACGT"[Math.floor(rand() * 4)]).join("");
const keysOf = (s: string) => {
  const out = new Map<number, number>();
  forEachSpacedKey(encode(Buffer.from(s)), (p, key) => out.set(p, key));
  return out;
};
/** Typed arrays of millions of entries: compared as bytes (toEqual would enumerate every index). */
const same = (a: Int32Array | Uint32Array, b: Int32Array | Uint32Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
const change = (s: string, at: number) => s.slice(0, at) + (s[at] === "A" ? "C" : "A") + s.slice(at + 1);

describe("spaced seed 11011011011011011", () => {
  it("gives a key to every window of 17 bases", () => {
    expect([...keysOf(random(40)).keys()]).toEqual(Array.from({ length: 24 }, (_, i) => i));
  });

  it("ignores the third base of each triplet and compares the other two", () => {
    const s = random(17);
    const key = keysOf(s).get(0);
    for (const third of [2, 5, 8, 11, 14]) expect(keysOf(change(s, third)).get(0)).toBe(key);
    for (const compared of [0, 1, 3, 4, 15, 16]) expect(keysOf(change(s, compared)).get(0)).not.toBe(key);
  });

  it("skips windows with an ambiguous compared base, not those with one in a third position", () => {
    const s = random(17);
    expect(keysOf(s.slice(0, 4) + "N" + s.slice(5)).has(0)).toBe(false);
    expect(keysOf(s.slice(0, 5) + "N" + s.slice(6)).get(0)).toBe(keysOf(s).get(0));
  });
});

describe("spaced-seed index", () => {
  it("lists every window of every reference under its key, and survives a round trip through key counts", () => {
    const refs = [random(300), random(500), random(40)].map((s) => encode(Buffer.from(s)));
    const index = buildSpacedIndex(refs);
    let windows = 0;
    refs.forEach((seq, r) =>
      forEachSpacedKey(seq, (p, key) => {
        windows++;
        const here = Array.from(occurrencesOf(index, key));
        expect(here.some((o) => occRef(o) === r && occPos(o) === p)).toBe(true);
        expect((index.presence[key >>> 5] >>> (key & 31)) & 1).toBe(1);
      }),
    );
    expect(index.occ.length).toBe(windows);
    // Absent keys have no rank and no occurrences.
    let absent = 0;
    while ((index.presence[absent >>> 5] >>> (absent & 31)) & 1) absent++;
    expect(keyRank(index, absent)).toBe(-1);
    expect(occurrencesOf(index, absent)).toHaveLength(0);
    const { keys, counts } = keyCounts(index);
    expect(keys.length).toBe(index.keyStart.length - 1);
    keys.forEach((key, i) => expect(keyRank(index, key)).toBe(i));
    const back = fromKeyCounts(keys, counts, index.occ);
    expect(same(back.keyStart, index.keyStart)).toBe(true);
    expect(same(back.rank, index.rank)).toBe(true);
    expect(same(back.presence, index.presence)).toBe(true);
  });

  describe("on the ResFinder database, cached on disk", () => {
    let catalog: Catalog;
    beforeAll(async () => {
      catalog = await loadCatalog("/usr/share/resfinder/db");
    });

    it("writes the index once and reads back the same index; a damaged file is rebuilt", () => {
      const dir = mkdtempSync(path.join(tmpdir(), "amr-spaced-"));
      const built = buildSpacedIndex(catalog.refs.map((r) => r.codes));
      // A copy of the catalog object: the in-process memo is per catalog, the disk cache per checksum.
      const first = spacedIndexFor({ ...catalog }, dir);
      expect(same(first.keyStart, built.keyStart)).toBe(true);
      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      const written = statSync(path.join(dir, files[0])).ino;
      const fromDisk = spacedIndexFor({ ...catalog }, dir);
      // Read back, not rebuilt: a rebuild would have renamed a fresh file into place.
      expect(statSync(path.join(dir, files[0])).ino).toBe(written);
      expect(same(fromDisk.occ, built.occ)).toBe(true);
      expect(same(fromDisk.keyStart, built.keyStart)).toBe(true);
      expect(same(fromDisk.rank, built.rank)).toBe(true);
      writeFileSync(path.join(dir, files[0]), "damaged");
      expect(same(spacedIndexFor({ ...catalog }, dir).occ, built.occ)).toBe(true);
    });
  });
});
