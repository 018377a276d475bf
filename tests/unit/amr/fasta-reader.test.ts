import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { FastaError, readFasta, scanFasta, type FastaLimits } from "../../../lib/amr/fasta-reader";
import { encode } from "../../../lib/amr/nucleotides";
import { seededRandom } from "../../../lib/seeded-random";

const bytes = (text: string) => [Buffer.from(text)];
/** The kept codes read back as letters: A C G T, and N for every other IUPAC code (all search alike). */
const bases = (codes: Uint8Array) => Array.from(codes, (c) => "ACGTN"[c]).join("");

async function failure(source: Iterable<Uint8Array>, limits?: Partial<FastaLimits>): Promise<FastaError> {
  const err = await readFasta(source, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FastaError);
  // scanFasta must reject the same input the same way.
  const scanErr = await scanFasta(source, limits).then(
    () => null,
    (e: unknown) => e,
  );
  expect((scanErr as FastaError).code).toBe((err as FastaError).code);
  return err as FastaError;
}

describe("readFasta accepts", () => {
  it("CRLF, lower case, blank lines, runs of N and IUPAC codes; the id is the header's first word", async () => {
    const g = await readFasta(bytes(">c1 first contig\r\nacgtNNNN\r\n\r\nRYKM\r\n\n>c2\tx y\nNNNNNNNNNNacgu\n"));
    // Kept as search codes: A C G T (and U) 0..3, every other IUPAC code ambiguous (4), whatever the case.
    expect(g.contigs.map((c) => [c.id, c.description, [...c.codes].join("")])).toEqual([
      ["c1", "first contig", "012344444444"],
      ["c2", "x y", "44444444440123"],
    ]);
    expect(g.bases).toBe(26);
    expect(g.format).toBe("fasta");
  });

  it("gives the same genome however a multi-record file is cut into chunks (seeded cuts)", async () => {
    const random = seededRandom(11);
    const rand = (n: number) => Math.floor(random() * n);
    const records = Array.from({ length: 12 }, (_, r) => {
      const lines = Array.from({ length: 1 + rand(6) }, () => Array.from({ length: 1 + rand(80) }, () => "ACGTNacgt"[rand(9)]).join(""));
      return `>r${r} record ${r}\n${lines.join(r % 3 === 0 ? "\r\n" : "\n")}\n${r % 4 === 0 ? "\n" : ""}`;
    });
    const text = Buffer.from(records.join(""));
    const whole = await readFasta([text]);
    // Each record's bases, line breaks and blank lines gone, as codes.
    const expected = records.map((r) => encode(Buffer.from(r.slice(r.indexOf("\n") + 1).replace(/\s/g, ""))));
    expect(whole.contigs.map((c) => c.codes)).toEqual(expected);
    for (let round = 0; round < 20; round++) {
      const cuts = [...new Set(Array.from({ length: 1 + rand(40) }, () => rand(text.length)))].sort((a, b) => a - b);
      const chunks = [0, ...cuts].map((from, i) => text.subarray(from, i < cuts.length ? cuts[i] : text.length)).filter((c) => c.length > 0);
      // The size hint only sizes buffers: none, the exact size, too small or too large give the same genome.
      const sizeHint = [0, text.length, rand(text.length), text.length * 3][round % 4];
      const g = await readFasta(chunks, {}, sizeHint);
      expect(g.contigs.map((c) => [c.id, bases(c.codes)])).toEqual(whole.contigs.map((c) => [c.id, bases(c.codes)]));
      expect(g.bases).toBe(whole.bases);
    }
    expect(whole.contigs).toHaveLength(12);
  });

  it("chunks split anywhere, even inside a header or a CRLF", async () => {
    const text = ">contig_1 some words\r\nACGTACGT\r\n>contig_2\r\nGGCC\r\n";
    const chunks = [...Buffer.from(text)].map((b) => Buffer.from([b]));
    const g = await readFasta(chunks);
    expect(g.contigs.map((c) => [c.id, bases(c.codes)])).toEqual([["contig_1", "ACGTACGT"], ["contig_2", "GGCC"]]);
  });

  it("gzip, detected by magic bytes whatever the name, including multi-member streams", async () => {
    const member1 = gzipSync(">a\nACGT\n");
    const member2 = gzipSync(">b\nTTTT\n");
    const g = await readFasta([Buffer.concat([member1, member2])]);
    expect(g.format).toBe("fasta.gz");
    expect(g.contigs.map((c) => c.id)).toEqual(["a", "b"]);
    expect(await scanFasta([member1, member2])).toEqual({ contigs: 2, bases: 8, format: "fasta.gz" });
  });

  it("scanFasta counts without keeping sequences", async () => {
    expect(await scanFasta(bytes(">a\nAC\nGT\n>b\nNNN\n"))).toEqual({ contigs: 2, bases: 7, format: "fasta" });
  });
});

describe("readFasta rejects, naming the line", () => {
  const cases: [string, string, string, number | null, RegExp][] = [
    ["an empty file", "", "empty_file", null, /empty/],
    ["a file of blank lines", "\n\n\r\n", "empty_file", null, /no FASTA record/],
    ["sequence before any header", "ACGT\n>a\nACGT\n", "sequence_before_header", 1, /before the first '>'/],
    ["a character outside IUPAC", ">a\nACGT\nACXT\n", "invalid_character", 3, /invalid character 'X'.*"a"/],
    ["a gap character", ">a\nAC-GT\n", "invalid_character", 2, /'-'/],
    ["an empty record in the middle", ">a\n>b\nACGT\n", "empty_record", 1, /"a" has no sequence/],
    ["an empty last record", ">a\nACGT\n\n>b\n\n", "empty_record", 4, /"b" has no sequence/],
    ["a header without id", ">a\nAC\n> \nGT\n", "missing_id", 3, /no sequence id/],
    ["a duplicate contig id", ">a x\nAC\n>b\nGG\n>a y\nTT\n", "duplicate_id", 5, /duplicate contig id "a" \(first used on line 1\)/],
    ["NUL bytes", ">a\nAC\0GT\n", "binary", 2, /binary/],
  ];
  for (const [what, text, code, line, message] of cases) {
    it(what, async () => {
      const err = await failure(bytes(text));
      expect(err.code).toBe(code);
      expect(err.line).toBe(line);
      expect(err.message).toMatch(message);
      if (line !== null) expect(err.message).toMatch(new RegExp(`^Line ${line}: `));
    });
  }

  it("a binary file such as a PNG renamed .fa", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const err = await failure([png]);
    expect(err.code).toBe("binary");
    expect(err.message).toMatch(/not a FASTA text file/);
  });

  it("a header over the length limit", async () => {
    const err = await failure(bytes(`>a\nAC\n>${"x".repeat(10_001)}\nAC\n`));
    expect(err.code).toBe("header_too_long");
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/longer than 10000 characters/);
  });

  it("more contigs than the limit", async () => {
    const err = await failure(bytes(">a\nA\n>b\nC\n>c\nG\n"), { maxContigs: 2 });
    expect([err.code, err.line]).toEqual(["too_many_contigs", 5]);
  });

  it("more bases than the limit", async () => {
    const err = await failure(bytes(">a\nACGT\n>b\nACGT\nAC\n"), { maxBases: 9 });
    expect([err.code, err.line]).toEqual(["too_many_bases", 5]);
  });

  it("a gzip stream inflating past the size limit, stopping there instead of inflating it all", async () => {
    const line = "ACGT".repeat(20) + "\n";
    const bomb = gzipSync(">a\n" + line.repeat(200_000)); // 16 MB inflated, ~50 kB compressed
    let pulled = 0;
    async function* slowly() {
      for (let i = 0; i < bomb.length; i += 1024) {
        pulled += 1024;
        yield bomb.subarray(i, i + 1024);
      }
    }
    const err = await readFasta(slowly(), { maxBytes: 1_000_000 }).catch((e: unknown) => e as FastaError);
    expect(err).toBeInstanceOf(FastaError);
    expect((err as FastaError).code).toBe("too_large");
    expect((err as FastaError).message).toMatch(/larger than the limit of 1000000 bytes/);
    expect(pulled).toBeLessThan(bomb.length / 2);
  });

  it("a plain file past the size limit", async () => {
    const err = await failure(bytes(">a\n" + "ACGT\n".repeat(1000)), { maxBytes: 1000 });
    expect(err.code).toBe("too_large");
  });

  it("a truncated gzip stream", async () => {
    const whole = gzipSync(">a\n" + "ACGTTGCA".repeat(5000) + "\n");
    const err = await failure([whole.subarray(0, whole.length - 10)]);
    expect(err.code).toBe("gzip_truncated");
    expect(err.message).toMatch(/truncated/);
  });

  it("a corrupt gzip stream", async () => {
    const whole = gzipSync(">a\n" + "ACGTTGCA".repeat(50) + "\n");
    const corrupt = Buffer.from(whole);
    corrupt.fill(0xff, 10, Math.min(30, whole.length - 8)); // keeps the 10-byte header, breaks the deflate data
    const err = await failure([corrupt]);
    expect(err.code).toBe("gzip_corrupt");
  });
});
