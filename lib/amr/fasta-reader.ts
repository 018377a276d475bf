// Streaming FASTA input: plain or gzip (told apart by magic bytes), validated as it is read.
import { createReadStream, statSync } from "node:fs";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { FastaError } from "./fasta-error";
import { DEFAULT_FASTA_LIMITS, FastaParser, type FastaLimits } from "./fasta-parser";
import type { ParsedGenome } from "./types";

export { FastaError, type FastaErrorCode } from "./fasta-error";
export { DEFAULT_FASTA_LIMITS, type FastaLimits } from "./fasta-parser";

/** Anything that yields bytes: a file or upload stream, or an array of buffers in tests. */
export type ByteSource = AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * `sizeHint`: the input's size in bytes when known (a file's), so the sequence buffer is allocated once
 * for a plain FASTA (a gzipped one grows it from there as it inflates).
 */
export async function readFasta(source: ByteSource, limits: Partial<FastaLimits> = {}, sizeHint = 0): Promise<ParsedGenome> {
  const parser = new FastaParser({ ...DEFAULT_FASTA_LIMITS, ...limits }, true, sizeHint);
  const format = await feed(source, parser);
  return { contigs: parser.contigs, bases: parser.bases, format };
}

/** readFasta of a file, streamed, its size as the hint. */
export function readFastaFile(file: string, limits: Partial<FastaLimits> = {}): Promise<ParsedGenome> {
  return readFasta(createReadStream(file), limits, statSync(file).size);
}

/** Validates exactly as readFasta does without keeping sequences, e.g. for an upload in flight. */
export async function scanFasta(
  source: ByteSource,
  limits: Partial<FastaLimits> = {},
): Promise<{ contigs: number; bases: number; format: "fasta" | "fasta.gz" }> {
  const parser = new FastaParser({ ...DEFAULT_FASTA_LIMITS, ...limits }, false);
  const format = await feed(source, parser);
  return { contigs: parser.contigCount, bases: parser.bases, format };
}

async function feed(source: ByteSource, parser: FastaParser): Promise<"fasta" | "fasta.gz"> {
  const iterator: AsyncIterator<Uint8Array> | Iterator<Uint8Array> =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : source[Symbol.iterator]();
  // Two bytes decide the format, and the first chunk may be shorter than that.
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < 2) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headLength += next.value.length;
  }
  const prefix = Buffer.concat(head);
  const rest: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      if (prefix.length > 0) yield prefix;
      if (done) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    },
  };
  const gzipped = prefix.length >= 2 && prefix[0] === 0x1f && prefix[1] === 0x8b;
  try {
    for await (const chunk of gzipped ? gunzip(rest) : rest) parser.push(chunk);
  } finally {
    await iterator.return?.();
  }
  parser.end();
  return gzipped ? "fasta.gz" : "fasta";
}

// Node's gunzip handles multi-member streams; we only translate its errors and stop it when the parser throws.
async function* gunzip(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const inflater = createGunzip();
  const source = Readable.from(input, { objectMode: false });
  source.on("error", (err) => inflater.destroy(err));
  source.pipe(inflater);
  try {
    for await (const chunk of inflater) yield chunk as Buffer;
  } catch (err) {
    if (err instanceof FastaError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "Z_BUF_ERROR") throw new FastaError("gzip_truncated", "the gzip stream is truncated (unexpected end of file)");
    if (typeof code === "string" && code.startsWith("Z_")) throw new FastaError("gzip_corrupt", `the gzip stream is corrupt (${(err as Error).message})`);
    throw err;
  } finally {
    source.unpipe(inflater);
    source.destroy();
    inflater.destroy();
  }
}
