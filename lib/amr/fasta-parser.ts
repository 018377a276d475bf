// Byte-level, chunk-at-a-time FASTA state machine. It never sees the whole file, so memory is bounded by
// the kept sequences (none when scanning) plus one header.
import { FastaError } from "./fasta-error";
import { grown } from "./grown";
import { ENCODE } from "./nucleotides";
import type { Contig } from "./types";

export interface FastaLimits {
  /** Uncompressed bytes. */
  maxBytes: number;
  maxContigs: number;
  maxBases: number;
  maxHeaderLength: number;
}

export const DEFAULT_FASTA_LIMITS: FastaLimits = {
  maxBytes: 200 * 1024 * 1024,
  maxContigs: 100_000,
  maxBases: 50_000_000,
  maxHeaderLength: 10_000,
};

const INVALID = 0;
const SKIP = 1;
const NL = 10;
const GT = 62;
// Byte -> BASE + its search code (nucleotides.ts) for an IUPAC letter of either case; SKIP for in-line
// whitespace (CR of CRLF, stray spaces/tabs); INVALID otherwise. Any entry above SKIP is a base.
const BASE = 2;
const SEQ_TABLE = new Uint8Array(256);
for (const c of "ACGTURYSWKMBDHVN") {
  SEQ_TABLE[c.charCodeAt(0)] = BASE + ENCODE[c.charCodeAt(0)];
  SEQ_TABLE[c.toLowerCase().charCodeAt(0)] = BASE + ENCODE[c.charCodeAt(0)];
}
SEQ_TABLE[13] = SKIP;
SEQ_TABLE[32] = SKIP;
SEQ_TABLE[9] = SKIP;

export class FastaParser {
  /** The kept records; complete once end() has returned. */
  contigs: Contig[] = [];
  contigCount = 0;
  bases = 0;
  private bytes = 0;
  private line = 1;
  private atLineStart = true;
  private inHeader = false;
  private sawRecord = false;
  private sawContent = false;
  private header: number[] = [];
  private headerLine = 0;
  private current: { id: string; description: string; line: number } | null = null;
  // Kept bases of all records back to back, as search codes (nucleotides.ts: nothing downstream reads the
  // letters); records are cut out of the buffer at the end, so no record is copied once read.
  private codes = new Uint8Array(0);
  /** Kept bases so far, over all records. */
  private seqLen = 0;
  /** Where the current record's bases start in codes. */
  private recordStart = 0;
  private records: { id: string; description: string; start: number; end: number }[] = [];
  private ids = new Map<string, number>();

  /**
   * `expectedBases`, when known (e.g. a plain file's size, which bounds its bases), sizes the kept
   * buffer once instead of growing it by doubling.
   */
  constructor(
    private readonly limits: FastaLimits,
    private readonly keepSequences: boolean,
    expectedBases = 0,
  ) {
    if (keepSequences && expectedBases > 0) this.codes = new Uint8Array(Math.min(expectedBases, limits.maxBases));
  }

  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.bytes > this.limits.maxBytes) {
      throw new FastaError("too_large", `input is larger than the limit of ${this.limits.maxBytes} bytes (uncompressed)`, this.line);
    }
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (!this.inHeader && !(this.atLineStart && chunk[i] === GT) && this.current) {
        i = this.addSequenceLines(chunk, i);
        continue;
      }
      const nl = chunk.indexOf(NL, i);
      const lineEnd = nl < 0 ? n : nl;
      if (this.inHeader) {
        this.addHeaderBytes(chunk, i, lineEnd);
      } else if (this.atLineStart && chunk[i] === GT) {
        this.endRecord();
        this.inHeader = true;
        this.headerLine = this.line;
        this.header.length = 0;
        this.addHeaderBytes(chunk, i + 1, lineEnd);
      } else {
        this.addSequenceBytes(chunk, i, lineEnd);
      }
      if (nl < 0) {
        this.atLineStart = this.atLineStart && lineEnd === i;
        return;
      }
      if (this.inHeader) this.endHeader();
      this.line++;
      this.atLineStart = true;
      i = nl + 1;
    }
  }

  /**
   * The hot loop (reading a genome, or validating an upload without keeping it): sequence lines from
   * `from` up to the next header line or the end of the chunk, one table lookup per byte, no call per line. Returns where it stopped: a '>' starting a line, or the end.
   */
  private addSequenceLines(chunk: Uint8Array, from: number): number {
    const n = chunk.length;
    const keep = this.keepSequences;
    if (keep) this.codes = grown(this.codes, this.seqLen + (n - from));
    const codes = this.codes;
    let len = this.seqLen;
    const start = len;
    let i = from;
    let atLineStart = this.atLineStart;
    while (i < n) {
      // Runs of bases between line ends, in a loop of their own: almost every byte is one. One loop per
      // mode, as a keep test per byte made validating an upload about a tenth slower.
      let entry = SEQ_TABLE[chunk[i]];
      if (entry > SKIP) {
        atLineStart = false;
        if (keep) {
          do {
            codes[len++] = entry - BASE;
            entry = ++i < n ? SEQ_TABLE[chunk[i]] : INVALID;
          } while (entry > SKIP);
        } else {
          do {
            len++;
            entry = ++i < n ? SEQ_TABLE[chunk[i]] : INVALID;
          } while (entry > SKIP);
        }
        if (i >= n) break;
      }
      const b = chunk[i];
      // Set, not acted on here: the first header after a long record is reached only after this loop was
      // optimized, and code first run then threw it back to the unoptimized tiers.
      let headerNext = false;
      if (b === NL) {
        if (this.bases + (len - start) > this.limits.maxBases) break;
        this.line++;
        atLineStart = true;
        headerNext = i + 1 < n && chunk[i + 1] === GT;
      } else if (entry === INVALID) {
        this.bases += len - start;
        this.seqLen = len;
        this.atLineStart = atLineStart;
        this.invalid(b);
      } else {
        atLineStart = false;
      }
      i++;
      if (headerNext) break;
    }
    this.atLineStart = atLineStart;
    this.bases += len - start;
    this.seqLen = len;
    if (this.bases > this.limits.maxBases) {
      throw new FastaError("too_many_bases", `more than ${this.limits.maxBases} bases in total`, this.line);
    }
    return i;
  }

  private addHeaderBytes(chunk: Uint8Array, from: number, to: number): void {
    this.atLineStart = false;
    for (let i = from; i < to; i++) {
      const b = chunk[i];
      if (b === 0) throw new FastaError("binary", "binary data (NUL byte): this is not a FASTA text file", this.line);
      if (b === 13) continue;
      if (this.header.length >= this.limits.maxHeaderLength) {
        throw new FastaError("header_too_long", `header longer than ${this.limits.maxHeaderLength} characters`, this.line);
      }
      this.header.push(b);
    }
  }

  // Sequence bytes before any header: only blanks may stand there.
  private addSequenceBytes(chunk: Uint8Array, from: number, to: number): void {
    if (from >= to) return;
    this.atLineStart = false;
    for (let i = from; i < to; i++) if (SEQ_TABLE[chunk[i]] !== SKIP) this.invalid(chunk[i]);
  }

  private invalid(b: number): never {
    if (b === 0) throw new FastaError("binary", "binary data (NUL byte): this is not a FASTA text file", this.line);
    if (!this.current) {
      if (!this.sawContent && (b < 32 || b >= 127)) throw new FastaError("binary", "binary data: this is not a FASTA text file", this.line);
      throw new FastaError("sequence_before_header", "sequence data before the first '>' header", this.line);
    }
    throw new FastaError("invalid_character", `invalid character ${describeByte(b)} in the sequence of "${this.current.id}" (not an IUPAC nucleotide code)`, this.line);
  }

  /** Flushes the last record; throws when the input held no record at all. */
  end(): void {
    if (this.inHeader) this.endHeader();
    this.endRecord();
    if (!this.sawRecord) {
      throw this.bytes === 0 ? new FastaError("empty_file", "the file is empty") : new FastaError("empty_file", "the file contains no FASTA record");
    }
    if (!this.keepSequences) return;
    // A buffer grown by doubling may be up to half empty: hand back an exact copy then, views otherwise.
    const codes = this.seqLen >= this.codes.length * 0.9 ? this.codes : this.codes.slice(0, this.seqLen);
    this.contigs = this.records.map((r) => ({ id: r.id, description: r.description, codes: codes.subarray(r.start, r.end) }));
    this.codes = new Uint8Array(0);
  }

  private endHeader(): void {
    this.inHeader = false;
    this.atLineStart = true;
    const text = Buffer.from(this.header).toString("utf8").trim();
    const line = this.headerLine;
    const match = /^(\S+)\s*(.*)$/s.exec(text);
    if (!match) throw new FastaError("missing_id", "header has no sequence id", line);
    const id = match[1];
    const firstLine = this.ids.get(id);
    if (firstLine !== undefined) throw new FastaError("duplicate_id", `duplicate contig id "${id}" (first used on line ${firstLine})`, line);
    if (this.ids.size >= this.limits.maxContigs) {
      throw new FastaError("too_many_contigs", `more than ${this.limits.maxContigs} contigs`, line);
    }
    this.ids.set(id, line);
    this.current = { id, description: match[2], line };
    this.sawRecord = true;
    this.sawContent = true;
    this.recordStart = this.seqLen;
  }

  private endRecord(): void {
    const rec = this.current;
    if (!rec) return;
    if (this.seqLen === this.recordStart) throw new FastaError("empty_record", `record "${rec.id}" has no sequence`, rec.line);
    this.contigCount++;
    if (this.keepSequences) this.records.push({ id: rec.id, description: rec.description, start: this.recordStart, end: this.seqLen });
    this.current = null;
  }
}

function describeByte(b: number): string {
  return b >= 33 && b < 127 ? `'${String.fromCharCode(b)}'` : `0x${b.toString(16).padStart(2, "0")}`;
}
