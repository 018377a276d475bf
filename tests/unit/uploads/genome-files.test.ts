import { describe, expect, it } from "vitest";
import { isGenomeName, isHiddenPath, partitionGenomes, skippedNote } from "@/components/uploads/genome-files";

describe("genome file filter", () => {
  it("takes nucleotide FASTA names, plain or gzipped, in any case", () => {
    for (const n of ["a.fa", "a.fasta", "a.fna", "a.ffn", "a.fas", "a.fsa", "A.FA.GZ", "x.y.fasta.gz", "a.fna.gz"]) expect(isGenomeName(n), n).toBe(true);
  });

  it("refuses other files, protein FASTA and bare .gz", () => {
    for (const n of ["README.txt", "a.faa", "a.faa.gz", "reads.fastq.gz", "a.gz", "a.fa.zip", "fa", "a.fa.gz.txt"]) expect(isGenomeName(n), n).toBe(false);
  });

  it("treats dot files and anything in a dot folder as hidden", () => {
    expect(isHiddenPath(".DS_Store")).toBe(true);
    expect(isHiddenPath("run/._isolate.fa")).toBe(true);
    expect(isHiddenPath("run/.git/x.fa")).toBe(true);
    expect(isHiddenPath("run/isolate.fa")).toBe(false);
  });

  it("splits a folder into genomes (sorted by path) and skipped paths", () => {
    const picked = ["run/b.fa.gz", "run/README.txt", "run/a.fasta", "run/._a.fasta", "run/sub/c.fna", "run/a.fasta"].map((path) => ({ file: path, path }));
    const { genomes, skipped } = partitionGenomes(picked);
    expect(genomes.map((g) => g.path)).toEqual(["run/a.fasta", "run/b.fa.gz", "run/sub/c.fna"]);
    expect(skipped).toEqual(["run/._a.fasta", "run/README.txt"]);
  });

  it("writes a short note for skipped files", () => {
    expect(skippedNote([])).toBeNull();
    expect(skippedNote(["README.txt"])).toBe("1 file skipped (not FASTA genomes): README.txt");
    expect(skippedNote(["a", "b", "c", "d"], 2)).toBe("4 files skipped (not FASTA genomes): a, b, and 2 more");
  });
});
