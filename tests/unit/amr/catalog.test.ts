import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAntibioticClasses, parseConfig, parseFsa, parsePhenotypes, splitRefId } from "../../../lib/amr/catalog-files";
import { buildCatalog, loadCatalog, type Catalog } from "../../../lib/amr/catalog";

describe("database file parsers", () => {
  it("reads config rows and skips comments", () => {
    const classes = parseConfig("# Database configuration\n#db_prefix\tname\tdescription\nquinolone\tFluoroquinolone\tQuinolone\nbeta-lactam\tBeta-lactam\tBeta-lactam\n");
    expect(classes).toEqual([
      { prefix: "quinolone", name: "Fluoroquinolone", description: "Quinolone" },
      { prefix: "beta-lactam", name: "Beta-lactam", description: "Beta-lactam" },
    ]);
  });

  it("drops trailing spaces from headers and joins wrapped, CRLF sequence lines", () => {
    const recs = parseFsa(">aac(6')-Ib-cr_1_DQ303918 \r\nacgt\r\nNNRY\r\n>mecA_1_NC_002745\nAC\n");
    expect(recs).toEqual([
      { refId: "aac(6')-Ib-cr_1_DQ303918", sequence: "ACGTNNRY" },
      { refId: "mecA_1_NC_002745", sequence: "AC" },
    ]);
  });

  it("splits ids the way ResFinder does: underscores in accessions and in names", () => {
    expect(splitRefId("blaTEM-1B_1_AY458016")).toEqual({ gene: "blaTEM-1B", variant: "1", accession: "AY458016" });
    expect(splitRefId("mecA_1_NC_002745")).toEqual({ gene: "mecA", variant: "1", accession: "NC_002745" });
    expect(splitRefId("VanH_bc_1_Y15705")).toEqual({ gene: "VanH", variant: "bc", accession: "1_Y15705" });
  });

  it("maps antibiotics through antibiotic_classes, dropping unknown/none lists and unlisted names", () => {
    const classesOf = parseAntibioticClasses("# Class\tAntibiotics\nBeta-lactam\tUnknown Beta-lactam\tAmpicillin \nQuinolone\tCiprofloxacin\n");
    const table = parsePhenotypes(
      [
        "Gene_accession no.\tClass\tPhenotype\tPMID",
        "blaX_1_A1\tBeta-lactam\tAmpicillin, Unknown Beta-lactam,  \tunpublished",
        "blaY_1_A2\tBeta-lactam\tUnknown\t1",
        "blaZ_1_A3\tBeta-lactam\tNone\t1",
        "qnrQ_1_A4 \tQuinolone\tCiprofloxacin, Made-up drug, see notes\t1",
        "dup_1_A5\tBeta-lactam\tAmpicillin\t1",
        "dup_1_A5\tQuinolone\tCiprofloxacin\t1",
      ].join("\n"),
      classesOf,
    );
    expect(table.antibioticsOf.get("blaX_1_A1")).toEqual(["ampicillin", "unknown beta-lactam"]);
    expect(table.antibioticsOf.get("blaY_1_A2")).toEqual([]);
    expect(table.antibioticsOf.get("blaZ_1_A3")).toEqual([]);
    expect(table.antibioticsOf.get("qnrQ_1_A4")).toEqual(["ciprofloxacin"]);
    expect(table.antibioticsOf.get("dup_1_A5")).toEqual(["ampicillin", "ciprofloxacin"]);
    expect(table.rows).toEqual([
      { antibiotic: "ampicillin", class: "beta-lactam" },
      { antibiotic: "unknown beta-lactam", class: "beta-lactam" },
      { antibiotic: "ciprofloxacin", class: "quinolone" },
    ]);
  });
});

/** Digest of everything a catalog holds; deep-comparing its multi-megabyte typed arrays is slow. */
function fingerprint(catalog: Catalog): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify([catalog.classes, catalog.antibioticRows, catalog.refs.map((r) => ({ ...r, codes: r.codes.length })), catalog.index.shift]));
  for (const r of catalog.refs) hash.update(r.codes);
  const { filter, presence, slotKeys, slotStart, slotEnd, occRef, occPos } = catalog.index;
  for (const a of [filter, presence, slotKeys, slotStart, slotEnd, occRef, occPos]) hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return hash.digest("hex");
}

describe("the installed ResFinder database", () => {
  it("holds the 17 classes, 3153 sequences and 2,907,025 bases docs/resfinder.md counts", async () => {
    const catalog = await loadCatalog("/usr/share/resfinder/db");
    expect(catalog.classes).toHaveLength(17);
    expect(catalog.refs).toHaveLength(3153);
    expect(catalog.refs.reduce((n, r) => n + r.codes.length, 0)).toBe(2_907_025);
    expect(catalog.refs.filter((r) => r.codes.some((c) => c > 3))).toHaveLength(12);
    expect(catalog.refs.some((r) => r.refId.endsWith(" "))).toBe(false);
    expect(await loadCatalog("/usr/share/resfinder/db")).toBe(catalog);
  });

  it("keeps a sequence listed in several files once per file, with each file's class", async () => {
    const catalog = await loadCatalog("/usr/share/resfinder/db");
    const classesOf = (id: string) => catalog.refs.filter((r) => r.refId === id).map((r) => catalog.classes[r.classIndex].prefix);
    expect(classesOf("OqxA_1_EU370913").sort()).toEqual(["disinfectant", "quinolone"]);
    expect(classesOf("cfr_1_AM408573").sort()).toEqual(["macrolide", "oxazolidinone", "phenicol"]);
    const cr = catalog.refs.find((r) => r.refId === "aac(6')-Ib-cr_1_DQ303918")!;
    expect(cr.antibiotics).toContain("ciprofloxacin");
    expect(cr.antibiotics).toContain("amikacin");
  });

  it("gives the phenotype table rows in ResFinder's pheno_table.txt order", async () => {
    const catalog = await loadCatalog("/usr/share/resfinder/db");
    const fixture = await import("node:fs").then((fs) => fs.readFileSync(path.join(__dirname, "../../fixtures/amr/pheno-table-rows.tsv"), "utf8"));
    const expected = fixture.trim().split("\n").map((l) => l.split("\t"));
    expect(catalog.antibioticRows.map((r) => [r.antibiotic, r.class])).toEqual(expected);
  });

  it("caches the built catalog on disk by checksum, and rebuilds over a damaged cache file", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "amr-cache-"));
    const built = await buildCatalog("/usr/share/resfinder/db", cacheDir);
    const files = readdirSync(cacheDir);
    expect(files).toEqual([expect.stringContaining(built.checksum.slice(0, 32))]);
    const cached = await buildCatalog("/usr/share/resfinder/db", cacheDir);
    // Not `.not.toBe`: it formats both objects even when it passes, which takes seconds for a catalog.
    expect(cached === built).toBe(false);
    expect(fingerprint(cached)).toBe(fingerprint(built));
    writeFileSync(path.join(cacheDir, files[0]), "garbage");
    expect(fingerprint(await buildCatalog("/usr/share/resfinder/db", cacheDir))).toBe(fingerprint(built));
  });

  it("removes cache files of superseded formats when it writes one, and keeps other checksums' and other files", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), "amr-cache-"));
    const other = "0123456789abcdef0123456789abcdef";
    const keep = ["amr-spaced-v1-" + other + ".bin", "notes.txt"];
    writeFileSync(path.join(cacheDir, "amr-catalog-v1-" + other + ".bin"), "old format");
    writeFileSync(path.join(cacheDir, "amr-catalog-v0-" + other + ".bin"), "older format");
    for (const name of keep) writeFileSync(path.join(cacheDir, name), "x");
    const built = await buildCatalog("/usr/share/resfinder/db", cacheDir);
    const current = readdirSync(cacheDir).find((f) => f.includes(built.checksum.slice(0, 32)))!;
    expect(current).toMatch(/^amr-catalog-v\d+-/);
    // A file of the current format for another database stays too.
    const sameFormatOther = current.replace(built.checksum.slice(0, 32), other);
    writeFileSync(path.join(cacheDir, sameFormatOther), "another database");
    writeFileSync(path.join(cacheDir, current), "damaged: rewritten below");
    await buildCatalog("/usr/share/resfinder/db", cacheDir);
    expect(readdirSync(cacheDir).sort()).toEqual([...keep, current, sameFormatOther].sort());
  });

  it("fails clearly when the directory is missing or incomplete, and tries again on the next load", async () => {
    await expect(buildCatalog("/nonexistent/resfinder/db")).rejects.toThrow(/ResFinder database not found at \/nonexistent\/resfinder\/db.*AMR_DB_DIR/);
    const dir = mkdtempSync(path.join(tmpdir(), "amr-db-"));
    writeFileSync(path.join(dir, "config"), "x\tX\tX\n");
    await expect(buildCatalog(dir)).rejects.toThrow(/incomplete: antibiotic_classes.txt is missing/);
    // Both files missing: the first in the database's own order is named, whichever read fails first.
    await expect(loadCatalog(dir)).rejects.toThrow(/incomplete: antibiotic_classes.txt is missing/);
    writeFileSync(path.join(dir, "antibiotic_classes.txt"), "");
    await expect(loadCatalog(dir)).rejects.toThrow(/incomplete: phenotypes.txt is missing/);
  });
});
