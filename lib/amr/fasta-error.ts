// The one error type of input validation; `code` is stable for callers, `message` is for people.

export type FastaErrorCode =
  | "empty_file"
  | "binary"
  | "sequence_before_header"
  | "invalid_character"
  | "missing_id"
  | "empty_record"
  | "duplicate_id"
  | "header_too_long"
  | "too_many_contigs"
  | "too_many_bases"
  | "too_large"
  | "gzip_truncated"
  | "gzip_corrupt";

export class FastaError extends Error {
  readonly line: number | null;
  readonly code: FastaErrorCode;

  constructor(code: FastaErrorCode, message: string, line: number | null = null) {
    super(line === null ? message : `Line ${line}: ${message}`);
    this.name = "FastaError";
    this.code = code;
    this.line = line;
  }
}
