import { describe, expect, it } from "vitest";
import { combinedTable, failuresTable, GENOME_FILE, genomeName } from "@/scripts/batch/combined-table";

describe("batch combined table", () => {
  it("has one row per genome in input order and one column per antibiotic (sorted union); R or -", () => {
    const tsv = combinedTable([
      { genome: "iso_b", phenotypes: [{ antibiotic: "ampicillin", phenotype: "Resistant" }, { antibiotic: "tetracycline", phenotype: "No resistance detected" }] },
      { genome: "iso_a", phenotypes: [{ antibiotic: "tetracycline", phenotype: "Resistant" }, { antibiotic: "amikacin", phenotype: "No resistance detected" }] },
    ]);
    expect(tsv).toBe("genome\tamikacin\tampicillin\ttetracycline\niso_b\t-\tR\t-\niso_a\t-\t-\tR\n");
  });

  it("keeps cells aligned when a name holds a tab, and lists failures", () => {
    expect(combinedTable([{ genome: "a\tb", phenotypes: [] }])).toBe("genome\na b\n");
    expect(failuresTable([{ genome: "x", stage: "upload", message: "Line 3:\tbad" }])).toBe("genome\tstage\tmessage\nx\tupload\tLine 3: bad\n");
  });

  it("recognises genome files and names them without extensions", () => {
    expect(["a.fa", "b.fasta.gz", "c.FNA", "d.fq.gz", "e.txt"].filter((f) => GENOME_FILE.test(f))).toEqual(["a.fa", "b.fasta.gz", "c.FNA"]);
    expect(genomeName("test_isolate_01.fa.gz")).toBe("test_isolate_01");
  });
});
