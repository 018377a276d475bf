import { randomBytes } from "node:crypto";
import { closeSync, existsSync, openSync, statSync, writeSync } from "node:fs";
import { DEFAULT_FASTA_LIMITS } from "@/lib/amr/fasta-parser";

/**
 * A FASTA file of exactly `bytes` bytes (reused when one of that size exists): random bases in
 * 80-column lines over 50 contigs. The parser refuses more than DEFAULT_FASTA_LIMITS.maxBases
 * bases (50 M), about 50 MB of lines, so a bigger file pads each line with trailing spaces, which
 * the parser reads in the same per-byte loop: every byte costs the server what a base would.
 */
export function writeBigGenome(file: string, bytes: number): string {
  if (existsSync(file) && statSync(file).size === bytes) return file;
  const LINE = 80;
  const contigs = 50;
  const lines = Math.min(Math.floor((DEFAULT_FASTA_LIMITS.maxBases - 1000) / LINE), Math.floor(bytes / (LINE + 1)));
  const perContig = Math.ceil(lines / contigs);
  const headers = Array.from({ length: contigs }, (_, c) => `>contig_${c + 1} load benchmark\n`);
  const fixed = headers.reduce((a, h) => a + h.length, 0) + lines * (LINE + 1);
  const pad = Math.floor((bytes - fixed) / lines);
  let extra = bytes - fixed - pad * lines; // the remainder, one more space on the first lines
  const ACGT = Buffer.from("ACGT");
  const chunk = Buffer.alloc(4 << 20);
  let used = 0;
  const fd = openSync(file, "w");
  const flush = () => {
    writeSync(fd, chunk, 0, used);
    used = 0;
  };
  try {
    for (let c = 0, written = 0; c < contigs; c++) {
      used += chunk.write(headers[c], used, "latin1");
      for (let l = 0; l < perContig && written < lines; l++, written++) {
        if (used + LINE + pad + 2 > chunk.length) flush();
        const rnd = randomBytes(LINE);
        for (let i = 0; i < LINE; i++) chunk[used++] = ACGT[rnd[i] & 3];
        const spaces = pad + (extra > 0 ? 1 : 0);
        if (extra > 0) extra--;
        chunk.fill(0x20, used, used + spaces);
        used += spaces;
        chunk[used++] = 0x0a;
      }
      if (used + 256 > chunk.length) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return file;
}
